package io.driftwatch.flink.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.alerting.eval.AlertEvent;
import io.driftwatch.alerting.eval.Evaluator;
import io.driftwatch.alerting.eval.EventKind;
import io.driftwatch.alerting.eval.MetricObservation;
import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.rules.MetricFamily;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The stream evaluation (RuleRouter + AlertEvaluatorFunction in Flink's operator harnesses) gives exactly the
 * events of the in-memory {@link Evaluator} on the same rows, for rules with and without a multiple-testing
 * correction, also when the operator is restored from a snapshot taken while alerts are firing.
 */
class AlertEvaluatorFunctionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int WINDOWS = 12;
    private static final String[] MODELS = {"fraud", "credit"};
    private static final String[] FEATURES = {"amount", "age", "channel", "country"};
    /** Latency p99 around the rule's 250 ms threshold, so series fire and resolve. */
    private static final double P99_CENTER = 250;
    private static final double P99_SPREAD = 120;
    private static final long SEED = 20261124L;
    /** fraud/amount drifts in windows [3, 9): long enough for the 10-minute re-notify of two 5-minute windows. */
    private static final int SUSTAINED_FROM = 3;
    private static final int SUSTAINED_TO = 9;

    static final RulesSource RULES = new RulesSource("""
            notifiers:
              - {name: hook, type: webhook, url: 'http://127.0.0.1:1/h'}
            rules:
              - name: latency-p99
                selector: {metric: latency}
                condition: {value: p99, op: ">", threshold: 250}
                for: 2
                resolve_after: 2
                severity: critical
                routes: [hook]
              - name: drift-bh
                selector: {metric: feature_drift, test: ks}
                condition: {value: p_value, op: "<=", threshold: 0.05}
                correction: benjamini_hochberg
                severity: error
                routes: [hook]
              - name: drift-flag
                selector: {metric: feature_drift, test: ks, model: fraud}
                condition: {drift_flag: true}
                renotify_interval: 10m
                severity: warning
                routes: [hook]
            """, "stream-test.yaml");

    /** Rows of all windows, in window order: latency per model, ks drift per model and feature. */
    static List<MetricObservation> rows() {
        Random random = new Random(SEED);
        List<MetricObservation> rows = new ArrayList<>();
        for (int w = 0; w < WINDOWS; w++) {
            Instant start = T0.plus(WINDOW.multipliedBy(w));
            Instant end = start.plus(WINDOW);
            for (String model : MODELS) {
                double p99 = P99_CENTER + P99_SPREAD * (2 * random.nextDouble() - 1);
                rows.add(new MetricObservation(MetricFamily.LATENCY, new SeriesKey(model, "v1", "", ""), "", start, end,
                        Map.of("p99", p99, "count", 100.0), false, ""));
                for (String feature : FEATURES) {
                    // a quarter of the p-values tiny, so corrections reject some and not others
                    boolean sustained = model.equals("fraud") && feature.equals("amount") && w >= SUSTAINED_FROM
                            && w < SUSTAINED_TO;
                    double p = sustained || random.nextInt(4) == 0 ? random.nextDouble() * 0.01 : random.nextDouble();
                    rows.add(new MetricObservation(MetricFamily.FEATURE_DRIFT, new SeriesKey(model, "v1", "", feature),
                            "ks", start, end, Map.of("p_value", p, "statistic", 1 - p), p < 0.05, "training:b1"));
                }
            }
        }
        return rows;
    }

    /** Timestamp the upstream window operator gives a row: its firing timer at the window's last millisecond. */
    private static long due(MetricObservation row) {
        return row.windowEnd().toEpochMilli() - 1;
    }

    private static OneInputStreamOperatorTestHarness<ObservationRecord, RoutedObservation> router() throws Exception {
        OneInputStreamOperatorTestHarness<ObservationRecord, RoutedObservation> h =
                new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new RuleRouter(RULES)));
        h.open();
        return h;
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, RoutedObservation, AlertRecord> evaluator()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new AlertEvaluatorFunction(RULES)),
                r -> r.unit, Types.STRING);
    }

    /** Feeds rows (shuffled within each window, as parallel upstreams deliver them) and advances the watermark. */
    private static void feed(List<MetricObservation> rows, KeyedOneInputStreamOperatorTestHarness<String,
            RoutedObservation, AlertRecord> evaluator, Random shuffle) throws Exception {
        OneInputStreamOperatorTestHarness<ObservationRecord, RoutedObservation> router = router();
        List<MetricObservation> shuffled = new ArrayList<>(rows);
        java.util.Collections.shuffle(shuffled, shuffle);
        shuffled.sort(Comparator.comparing(MetricObservation::windowStart));
        for (MetricObservation row : shuffled) {
            router.processElement(new StreamRecord<>(ObservationRecord.of(row), due(row)));
        }
        for (Object out : router.getOutput()) {
            @SuppressWarnings("unchecked")
            StreamRecord<RoutedObservation> routed = (StreamRecord<RoutedObservation>) out;
            evaluator.processElement(routed);
        }
        router.close();
        evaluator.processWatermark(rows.stream().mapToLong(AlertEvaluatorFunctionTest::due).max().orElseThrow());
    }

    private static List<AlertEvent> events(KeyedOneInputStreamOperatorTestHarness<String, RoutedObservation,
            AlertRecord> h) {
        return h.extractOutputValues().stream().map(AlertRecord::toEvent).toList();
    }

    private static List<String> sorted(List<AlertEvent> events) {
        return events.stream().map(AlertEvent::toString).sorted().toList();
    }

    @Test
    void streamEqualsInMemoryEvaluator() throws Exception {
        List<MetricObservation> rows = rows();
        List<AlertEvent> expected = new Evaluator(RULES.parse()).evaluate(rows);
        assertThat(expected).extracting(AlertEvent::kind).contains(EventKind.FIRED, EventKind.RESOLVED,
                EventKind.REMINDER);
        assertThat(expected).extracting(AlertEvent::adjustedPValue).anyMatch(p -> !Double.isNaN(p));

        try (var h = evaluator()) {
            h.open();
            for (int w = 0; w < WINDOWS; w++) {
                Instant start = T0.plus(WINDOW.multipliedBy(w));
                feed(rows.stream().filter(r -> r.windowStart().equals(start)).toList(), h, new Random(w));
            }
            assertThat(sorted(events(h))).isEqualTo(sorted(expected));
        }
    }

    @Test
    void allWindowsAtOnceGiveTheSameEvents() throws Exception {
        List<MetricObservation> rows = rows();
        try (var h = evaluator()) {
            h.open();
            feed(rows, h, new Random(1));
            assertThat(sorted(events(h))).isEqualTo(sorted(new Evaluator(RULES.parse()).evaluate(rows)));
        }
    }

    @Test
    void restoreWhileFiringNeitherLosesNorRepeatsAnEvent() throws Exception {
        List<MetricObservation> rows = rows();
        List<AlertEvent> expected = new Evaluator(RULES.parse()).evaluate(rows);
        int split = WINDOWS / 2;
        Instant splitAt = T0.plus(WINDOW.multipliedBy(split));
        List<AlertEvent> before;
        OperatorSubtaskState snapshot;
        try (var h = evaluator()) {
            h.open();
            feed(rows.stream().filter(r -> r.windowStart().isBefore(splitAt)).toList(), h, new Random(2));
            // the next window's rows arrived but its watermark did not: they are pending in the snapshot
            Instant pendingStart = splitAt;
            feedWithoutWatermark(rows.stream().filter(r -> r.windowStart().equals(pendingStart)).toList(), h);
            snapshot = h.snapshot(1, 1);
            before = events(h);
        }
        // alerts are firing at the snapshot
        Evaluator upToSplit = new Evaluator(RULES.parse());
        List<AlertEvent> firstHalf = upToSplit.evaluate(rows.stream().filter(r -> r.windowStart().isBefore(splitAt)).toList());
        assertThat(sorted(before)).isEqualTo(sorted(firstHalf));
        assertThat(firstHalf.stream().filter(e -> e.kind() == EventKind.FIRED).count())
                .isGreaterThan(firstHalf.stream().filter(e -> e.kind() == EventKind.RESOLVED).count());

        try (var h = evaluator()) {
            h.initializeState(snapshot);
            h.open();
            // the source replays everything after the checkpoint, i.e. the windows after the pending one
            feed(rows.stream().filter(r -> r.windowStart().isAfter(splitAt)).toList(), h, new Random(3));
            List<AlertEvent> all = new ArrayList<>(before);
            all.addAll(events(h));
            assertThat(sorted(all)).isEqualTo(sorted(expected));
        }
    }

    private static void feedWithoutWatermark(List<MetricObservation> rows, KeyedOneInputStreamOperatorTestHarness<String,
            RoutedObservation, AlertRecord> evaluator) throws Exception {
        OneInputStreamOperatorTestHarness<ObservationRecord, RoutedObservation> router = router();
        for (MetricObservation row : rows) {
            router.processElement(new StreamRecord<>(ObservationRecord.of(row), due(row)));
        }
        for (Object out : router.getOutput()) {
            @SuppressWarnings("unchecked")
            StreamRecord<RoutedObservation> routed = (StreamRecord<RoutedObservation>) out;
            evaluator.processElement(routed);
        }
        router.close();
    }
}
