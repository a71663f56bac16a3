package io.driftwatch.alerting.notify;

import io.driftwatch.alerting.eval.AlertGroup;
import io.driftwatch.alerting.eval.AlertEvent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Routes alert groups to the notifiers their rule names and keeps order per notifier: a group is handed to
 * a notifier only after that notifier finished the previous group (so a resolve never overtakes its
 * trigger), while different notifiers proceed independently. Thread-safe.
 */
public final class Dispatcher {

    private final Map<String, Notifier> notifiers;
    private final Map<String, CompletableFuture<?>> tails = new HashMap<>();

    public Dispatcher(Map<String, Notifier> notifiers) {
        this.notifiers = Map.copyOf(notifiers);
    }

    /**
     * Queues the groups; the future completes with every result once all of them were delivered or failed.
     *
     * @throws IllegalArgumentException if a rule routes to a notifier this dispatcher does not have
     */
    public synchronized CompletableFuture<List<DeliveryResult>> dispatch(List<AlertGroup> groups) {
        List<CompletableFuture<List<DeliveryResult>>> parts = new ArrayList<>();
        for (AlertGroup group : groups) {
            Set<String> routes = new LinkedHashSet<>();
            for (AlertEvent e : group.events()) {
                routes.addAll(e.routes());
            }
            for (String route : routes) {
                Notifier notifier = notifiers.get(route);
                if (notifier == null) {
                    throw new IllegalArgumentException("rule " + group.rule() + " routes to unknown notifier " + route);
                }
                CompletableFuture<?> tail = tails.getOrDefault(route, CompletableFuture.completedFuture(null));
                // a failed previous delivery (a bug, not an HTTP error: those are results) must not block later ones
                CompletableFuture<List<DeliveryResult>> next = tail.handle((ignored, error) -> null)
                        .thenCompose(ignored -> notifier.deliver(group));
                tails.put(route, next);
                parts.add(next);
            }
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<DeliveryResult> all = new ArrayList<>();
            parts.forEach(p -> all.addAll(p.join()));
            return all;
        });
    }
}
