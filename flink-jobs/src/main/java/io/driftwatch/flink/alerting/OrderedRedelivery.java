package io.driftwatch.flink.alerting;

import io.driftwatch.alerting.eval.AlertEvent;
import io.driftwatch.alerting.eval.AlertGroup;
import io.driftwatch.alerting.notify.DeliveryOutcome;
import io.driftwatch.alerting.notify.DeliveryResult;
import io.driftwatch.alerting.notify.Notifier;
import io.driftwatch.alerting.notify.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Delivers alert groups so that a receiver outage of any length loses no page and reorders none: each notifier
 * gets its groups one after the other, in the given order; a group whose delivery gave up (the notifier's
 * {@link RetryPolicy#maxAttempts} retryable failures: connection refused, 429, 5xx) is delivered again after
 * the policy's backoff for the n-th redelivery round ({@link RetryPolicy#backoff}, capped at
 * {@link RetryPolicy#maxBackoff}, with jitter), round after round, and the notifier's later groups wait for it.
 * So a resolve is never sent before its trigger, even when both are in one batch. A rejected delivery (4xx
 * other than 408/429) is final: retrying cannot help. Different notifiers proceed independently.
 *
 * <p>A group to PagerDuty with several events sends one request per event; if some of them were delivered
 * before the others gave up, the redelivery sends those again with the same {@code dedup_key} (PagerDuty
 * merges them). With the default {@code group_by} every group holds one event. {@link #stop()} ends the
 * redelivery rounds (the job is being cancelled or fails over; Flink re-commits the batch after a restore).
 */
final class OrderedRedelivery {

    private final Map<String, Notifier> notifiers;
    private final RetryPolicy retryPolicy;
    private final Consumer<Redelivery> onRedelivery;
    private final Random jitter = new Random();
    private volatile boolean stopped;

    /** One more round for a group that gave up: which notifier, which round (1-based), after how long. */
    record Redelivery(String notifier, String groupKey, int round, Duration delay) {
    }

    OrderedRedelivery(Map<String, Notifier> notifiers, RetryPolicy retryPolicy, Consumer<Redelivery> onRedelivery) {
        this.notifiers = Map.copyOf(notifiers);
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.onRedelivery = Objects.requireNonNull(onRedelivery, "onRedelivery");
    }

    /**
     * Delivers the groups; the future completes with the final result of every delivery (the last round's for
     * redelivered groups), once every notifier delivered or rejected each of its groups, or after {@link #stop()}.
     *
     * @throws IllegalArgumentException if a rule routes to a notifier this instance does not have
     */
    CompletableFuture<List<DeliveryResult>> deliver(List<AlertGroup> groups) {
        Map<String, List<AlertGroup>> perNotifier = new LinkedHashMap<>();
        for (AlertGroup group : groups) {
            Set<String> routes = new LinkedHashSet<>();
            for (AlertEvent e : group.events()) {
                routes.addAll(e.routes());
            }
            for (String route : routes) {
                if (!notifiers.containsKey(route)) {
                    throw new IllegalArgumentException("rule " + group.rule() + " routes to unknown notifier " + route);
                }
                perNotifier.computeIfAbsent(route, r -> new ArrayList<>()).add(group);
            }
        }
        List<CompletableFuture<List<DeliveryResult>>> parts = new ArrayList<>();
        perNotifier.forEach((route, list) -> parts.add(inOrder(notifiers.get(route), list)));
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<DeliveryResult> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.join()));
            return all;
        });
    }

    /** Ends further redelivery rounds; rounds already waiting complete with their last results. */
    void stop() {
        stopped = true;
    }

    private CompletableFuture<List<DeliveryResult>> inOrder(Notifier notifier, List<AlertGroup> groups) {
        CompletableFuture<List<DeliveryResult>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (AlertGroup group : groups) {
            chain = chain.thenCompose(done -> untilFinal(notifier, group, 1).thenApply(results -> {
                done.addAll(results);
                return done;
            }));
        }
        return chain;
    }

    private CompletableFuture<List<DeliveryResult>> untilFinal(Notifier notifier, AlertGroup group, int round) {
        return notifier.deliver(group).thenCompose(results -> {
            boolean gaveUp = results.stream().anyMatch(r -> r.outcome() == DeliveryOutcome.GAVE_UP);
            if (!gaveUp || stopped) {
                return CompletableFuture.completedFuture(results);
            }
            Duration wait = retryPolicy.backoff(round, jitter::nextDouble);
            onRedelivery.accept(new Redelivery(notifier.name(), group.groupKey(), round, wait));
            return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait.toMillis(),
                    TimeUnit.MILLISECONDS)).thenCompose(ignored -> stopped ? CompletableFuture.completedFuture(results)
                    : untilFinal(notifier, group, round + 1));
        });
    }
}
