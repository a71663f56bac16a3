package io.driftwatch.alerting.eval;

import static io.driftwatch.alerting.eval.Rows.drift;
import static io.driftwatch.alerting.eval.Rows.latency;
import static io.driftwatch.alerting.eval.Rows.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.alerting.rules.GroupField;
import io.driftwatch.alerting.rules.MetricFamily;
import io.driftwatch.alerting.rules.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final RuleSet P99 = rules("""
              - name: p99
                selector: {metric: latency}
                condition: {value: p99, op: ">", threshold: 250}
                for: 3
                resolve_after: 2
                severity: critical
                dashboard: "https://g/d?m={model}&from={window_start_ms}"
                routes: [hook]
            """);

    /** One series, p99 per window; returns "window:KIND" for each event. */
    private static List<String> run(RuleSet rules, double... p99) {
        Evaluator evaluator = new Evaluator(rules);
        List<String> out = new ArrayList<>();
        for (int w = 0; w < p99.length; w++) {
            for (AlertEvent e : evaluator.evaluate(List.of(latency("fraud", w, p99[w])))) {
                out.add(w + ":" + e.kind());
            }
        }
        return out;
    }

    @Test
    void firesAfterForConsecutiveBreachesAndResolvesAfterResolveAfterCleanWindows() {
        assertThat(run(P99, 300, 300, 300, 300, 100, 100, 100)).containsExactly("2:FIRED", "5:RESOLVED");
    }

    @Test
    void pendingResetsOnACleanWindow() {
        assertThat(run(P99, 300, 300, 100, 300, 300, 100)).isEmpty();
        assertThat(run(P99, 300, 300, 100, 300, 300, 300)).containsExactly("5:FIRED");
    }

    @Test
    void hysteresisOneCleanWindowDoesNotResolve() {
        // firing at 2; clean at 3, breach at 4 restarts the clean count; clean 5 and 6 resolve at 6
        assertThat(run(P99, 300, 300, 300, 100, 300, 100, 100)).containsExactly("2:FIRED", "6:RESOLVED");
    }

    @Test
    void noDataNeitherFiresNorResolves() {
        assertThat(run(P99, 300, Double.NaN, 300, 300, Double.NaN, 100, Double.NaN, 100))
                .containsExactly("3:FIRED", "7:RESOLVED");
    }

    @Test
    void refiresAfterResolve() {
        assertThat(run(P99, 300, 300, 300, 100, 100, 300, 300, 300)).containsExactly("2:FIRED", "4:RESOLVED", "7:FIRED");
    }

    @Test
    void thresholdIsStrictForGreater() {
        assertThat(run(P99, 250, 250, 250, 250)).isEmpty();
    }

    @Test
    void firedEventCarriesTheNumbersAndLinks() {
        Evaluator evaluator = new Evaluator(P99);
        evaluator.evaluate(List.of(latency("fraud", 0, 300), latency("fraud", 1, 310)));
        AlertEvent fired = evaluator.evaluate(List.of(latency("fraud", 2, 320.5))).get(0);
        assertThat(fired.kind()).isEqualTo(EventKind.FIRED);
        assertThat(fired.value()).isEqualTo(320.5);
        assertThat(fired.threshold()).isEqualTo(250.0);
        assertThat(fired.valueName()).isEqualTo("p99");
        assertThat(fired.windowStart()).isEqualTo(Rows.start(2));
        assertThat(fired.firingSince()).isEqualTo(Rows.start(3));
        assertThat(fired.dedupKey()).hasSize(64).isEqualTo(DedupKeys.of("p99", fired.series()));
        assertThat(fired.dashboardUrl()).isEqualTo("https://g/d?m=fraud&from=" + Rows.start(2).toEpochMilli());
        assertThat(fired.summary()).isEqualTo("[FIRING] p99 fraud/v1: p99=320.5 (p99 > 250.0)");
    }

    @Test
    void dedupKeyIsStableAndDistinguishesSeries() {
        SeriesKey a = new SeriesKey("m", "v", "", "ab");
        assertThat(DedupKeys.of("r", a)).isEqualTo(DedupKeys.of("r", new SeriesKey("m", "v", "", "ab")))
                .isNotEqualTo(DedupKeys.of("r", new SeriesKey("m", "v", "a", "b")))
                .isNotEqualTo(DedupKeys.of("r2", a))
                // SHA-256 of "1:r1:m1:v0:2:ab", computed with sha256sum
                .isEqualTo("12f19af6311c0216194d08015a79a34ca1cfb063988d330b16fabb460cbd4aaf");
    }

    @Test
    void renotifiesAfterTheIntervalOfEventTime() {
        RuleSet rules = rules("""
                  - name: p99
                    selector: {metric: latency}
                    condition: {value: p99, op: ">", threshold: 250}
                    severity: critical
                    routes: [hook]
                    renotify_interval: 15m
                """);
        // 5-minute windows: fired at 0, reminders at 3 and 6 (15 minutes after the last announcement)
        assertThat(run(rules, 300, 300, 300, 300, 300, 300, 300, 100))
                .containsExactly("0:FIRED", "3:REMINDER", "6:REMINDER", "7:RESOLVED");
    }

    @Test
    void replayedWindowsAfterRestoreRepeatNothingAndLoseNothing() {
        Evaluator first = new Evaluator(P99);
        List<MetricObservation> rows = new ArrayList<>();
        double[] p99 = {300, 300, 300, 300, 100, 100};
        for (int w = 0; w < p99.length; w++) {
            rows.add(latency("fraud", w, p99[w]));
        }
        assertThat(first.evaluate(rows.subList(0, 3))).extracting(AlertEvent::kind).containsExactly(EventKind.FIRED);
        Map<Evaluator.StateKey, byte[]> checkpoint = first.snapshot();

        Evaluator restored = Evaluator.restore(P99, checkpoint);
        // the source replays from an older offset: windows 1..5
        assertThat(restored.evaluate(rows.subList(1, 6))).extracting(AlertEvent::kind)
                .containsExactly(EventKind.RESOLVED);
    }

    @Test
    void groupsEventsOfOneWindowByGroupBy() {
        RuleSet rules = rules("""
                  - name: drift
                    selector: {metric: feature_drift, test: ks}
                    condition: {drift_flag: true}
                    severity: warning
                    routes: [hook]
                    group_by: [rule, model]
                """);
        Evaluator evaluator = new Evaluator(rules);
        List<AlertEvent> events = evaluator.evaluate(List.of(drift("a", 0, 0.01), drift("b", 0, 0.2), drift("c", 0, 0.001),
                drift("a", 1, 0.01)));
        assertThat(events).extracting(e -> e.series().feature()).containsExactly("a", "c");
        List<AlertGroup> groups = evaluator.group(events);
        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.groupKey()).isEqualTo("rule=drift,model=fraud");
            assertThat(g.key()).containsEntry(GroupField.MODEL, "fraud");
            assertThat(g.events()).hasSize(2);
        });
    }

    @Test
    void selectorFiltersFamilyAndGlobs() {
        RuleSet rules = rules("""
                  - name: p99
                    selector: {metric: latency, model: "fr*"}
                    condition: {value: p99, op: ">=", threshold: 250}
                    severity: critical
                    routes: [hook]
                """);
        Evaluator evaluator = new Evaluator(rules);
        assertThat(evaluator.evaluate(List.of(latency("fraud", 0, 250), latency("churn", 0, 900), drift("x", 0, 0.0))))
                .extracting(e -> e.series().model()).containsExactly("fraud");
    }

    @Test
    void twoRowsOfOneSeriesInOneWindowAreRejected() {
        assertThatThrownBy(() -> new Evaluator(P99).evaluate(List.of(latency("fraud", 0, 1), latency("fraud", 0, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("selects two rows of fraud/v1");
    }

    @Test
    void stateBytesRoundTripAndRejectGarbage() {
        AlertState s = new AlertState(AlertPhase.FIRING, 3, 1, 1000L, 2000L, AlertState.NEVER);
        assertThat(AlertState.fromBytes(s.toBytes())).isEqualTo(s);
        assertThat(s.toBytes()[0]).isEqualTo(AlertState.FORMAT_VERSION);
        byte[] bad = s.toBytes();
        bad[0] = 9;
        assertThatThrownBy(() -> AlertState.fromBytes(bad)).hasMessageContaining("version 9");
        assertThatThrownBy(() -> AlertState.fromBytes(new byte[3])).hasMessageContaining("34 bytes");
        byte[] phase = s.toBytes();
        phase[1] = 42;
        assertThatThrownBy(() -> AlertState.fromBytes(phase)).hasMessageContaining("phase 42");
    }

    @Test
    void formatsNumbersForPeople() {
        assertThat(AlertEvent.format(0.000123456789)).isEqualTo("0.000123457");
        assertThat(AlertEvent.format(Double.NaN)).isEqualTo("n/a");
        assertThat(AlertEvent.format(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(AlertEvent.format(250)).isEqualTo("250");
        assertThat(MetricFamily.LATENCY.valueNames()).contains("p99");
    }
}
