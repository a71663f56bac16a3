package io.driftwatch.flink.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.alerting.eval.AlertEvent;
import io.driftwatch.alerting.eval.AlertGroup;
import io.driftwatch.alerting.eval.Evaluator;
import io.driftwatch.alerting.eval.EventKind;
import io.driftwatch.alerting.eval.MetricObservation;
import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.notify.DeliveryOutcome;
import io.driftwatch.alerting.notify.DeliveryResult;
import io.driftwatch.alerting.notify.Notifier;
import io.driftwatch.alerting.notify.RetryPolicy;
import io.driftwatch.alerting.rules.MetricFamily;
import io.driftwatch.alerting.rules.RuleSet;
import io.driftwatch.alerting.rules.RulesParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Redelivery keeps each notifier's order while a group gives up round after round, does not redeliver a
 * rejected group, lets other notifiers proceed, and ends its rounds on stop().
 */
class OrderedRedeliveryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RetryPolicy NO_WAIT = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    private static final RuleSet RULES = RulesParser.parse("""
            notifiers:
              - {name: pd, type: webhook, url: 'http://127.0.0.1:1/pd'}
              - {name: hook, type: webhook, url: 'http://127.0.0.1:1/hook'}
            rules:
              - name: drift
                selector: {metric: feature_drift, test: ks}
                condition: {value: p_value, op: "<=", threshold: 0.01}
                resolve_after: 1
                severity: error
                routes: [pd, hook]
            """, "redelivery-test.yaml");

    /** A notifier answering each delivery with the next scripted outcome (DELIVERED once the script ran out). */
    private static final class Scripted implements Notifier {
        private final String name;
        private final Deque<DeliveryOutcome> script;
        final List<String> calls = new CopyOnWriteArrayList<>();

        Scripted(String name, DeliveryOutcome... outcomes) {
            this.name = name;
            this.script = new ArrayDeque<>(List.of(outcomes));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public synchronized CompletableFuture<List<DeliveryResult>> deliver(AlertGroup group) {
            AlertEvent e = group.events().get(0);
            calls.add(e.kind() + " " + e.dedupKey());
            DeliveryOutcome outcome = script.isEmpty() ? DeliveryOutcome.DELIVERED : script.poll();
            return CompletableFuture.completedFuture(List.of(new DeliveryResult(name, e.kind() + " " + e.dedupKey(),
                    outcome, 1, outcome == DeliveryOutcome.DELIVERED ? 202 : 503)));
        }
    }

    /** The trigger (window 1) and the resolve (window 2) of one series, one group each. */
    private static List<AlertGroup> triggerThenResolve() {
        SeriesKey series = new SeriesKey("fraud", "v1", "", "amount");
        Evaluator evaluator = new Evaluator(RULES);
        List<AlertEvent> events = evaluator.evaluate(List.of(
                new MetricObservation(MetricFamily.FEATURE_DRIFT, series, "ks", T0, T0.plusSeconds(60),
                        Map.of("p_value", 0.0001), true, "training:b1"),
                new MetricObservation(MetricFamily.FEATURE_DRIFT, series, "ks", T0.plusSeconds(60), T0.plusSeconds(120),
                        Map.of("p_value", 0.5), false, "training:b1")));
        assertThat(events).extracting(AlertEvent::kind).containsExactly(EventKind.FIRED, EventKind.RESOLVED);
        return evaluator.group(events);
    }

    @Test
    void aGroupThatGaveUpIsRedeliveredBeforeTheNotifiersLaterGroups() throws Exception {
        Scripted pd = new Scripted("pd", DeliveryOutcome.GAVE_UP, DeliveryOutcome.GAVE_UP, DeliveryOutcome.GAVE_UP);
        Scripted hook = new Scripted("hook");
        List<OrderedRedelivery.Redelivery> rounds = new CopyOnWriteArrayList<>();
        List<AlertGroup> groups = triggerThenResolve();
        String key = groups.get(0).events().get(0).dedupKey();

        List<DeliveryResult> results = new OrderedRedelivery(Map.of("pd", pd, "hook", hook), NO_WAIT, rounds::add)
                .deliver(groups).get();

        assertThat(pd.calls).containsExactly("FIRED " + key, "FIRED " + key, "FIRED " + key, "FIRED " + key,
                "RESOLVED " + key);
        assertThat(hook.calls).containsExactly("FIRED " + key, "RESOLVED " + key);
        assertThat(rounds).extracting(OrderedRedelivery.Redelivery::round).containsExactly(1, 2, 3);
        assertThat(rounds).extracting(OrderedRedelivery.Redelivery::notifier).containsOnly("pd");
        assertThat(results).hasSize(4).allMatch(DeliveryResult::delivered);
    }

    @Test
    void aRejectedGroupIsFinalAndDoesNotHoldBackTheNext() throws Exception {
        Scripted pd = new Scripted("pd", DeliveryOutcome.REJECTED);
        Scripted hook = new Scripted("hook");
        List<OrderedRedelivery.Redelivery> rounds = new CopyOnWriteArrayList<>();

        List<DeliveryResult> results = new OrderedRedelivery(Map.of("pd", pd, "hook", hook), NO_WAIT, rounds::add)
                .deliver(triggerThenResolve()).get();

        assertThat(pd.calls).hasSize(2);
        assertThat(rounds).isEmpty();
        assertThat(results).extracting(DeliveryResult::outcome).containsExactlyInAnyOrder(DeliveryOutcome.REJECTED,
                DeliveryOutcome.DELIVERED, DeliveryOutcome.DELIVERED, DeliveryOutcome.DELIVERED);
    }

    @Test
    void stopEndsTheRoundsWithTheLastResult() throws Exception {
        Scripted pd = new Scripted("pd", DeliveryOutcome.GAVE_UP, DeliveryOutcome.GAVE_UP);
        OrderedRedelivery redelivery = new OrderedRedelivery(Map.of("pd", pd, "hook", new Scripted("hook")), NO_WAIT,
                r -> { });
        redelivery.stop();

        List<DeliveryResult> results = redelivery.deliver(triggerThenResolve()).get();

        assertThat(pd.calls).hasSize(2);
        assertThat(results).extracting(DeliveryResult::outcome).contains(DeliveryOutcome.GAVE_UP);
    }

    @Test
    void anUnknownRouteIsRejected() {
        OrderedRedelivery redelivery = new OrderedRedelivery(Map.of("pd", new Scripted("pd")), NO_WAIT, r -> { });
        assertThatThrownBy(() -> redelivery.deliver(triggerThenResolve())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown notifier hook");
    }
}
