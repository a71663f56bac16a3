package io.driftwatch.flink.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.alerting.eval.AlertEvent;
import io.driftwatch.alerting.eval.Evaluator;
import io.driftwatch.alerting.eval.EventKind;
import io.driftwatch.alerting.eval.MetricObservation;
import io.driftwatch.schemas.tables.PerformanceRow;
import io.driftwatch.schemas.tables.WindowKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Revised performance rows: each window is judged once, {@code evaluate_after} after its end, on the latest
 * revision emitted by then; later revisions and estimated (NaN) revisions change nothing.
 */
class LabelRevisionsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration EVALUATE_AFTER = Duration.ofMinutes(30);
    private static final long LABELLED = 600;

    private static final RulesSource RULES = new RulesSource("""
            notifiers:
              - {name: hook, type: webhook, url: 'http://127.0.0.1:1/h'}
            rules:
              - name: ece
                selector: {metric: calibration}
                condition: {value: ece, op: ">", threshold: 0.1}
                severity: error
                routes: [hook]
                evaluate_after: 30m
              - name: coverage
                selector: {metric: performance}
                condition: {value: coverage, op: "<", threshold: 0.5}
                severity: warning
                routes: [hook]
                evaluate_after: 30m
            """, "revisions.yaml");

    /** One revision: window index, minutes after the window's end it was emitted, its ECE, whether estimated. */
    private record Revision(int window, int minutesAfterEnd, double ece, boolean estimated) {

        WindowKey key() {
            Instant start = T0.plus(WINDOW.multipliedBy(window));
            return new WindowKey("fraud", "v3", "", start, start.plus(WINDOW));
        }

        PerformanceRow row(long revision) {
            return LabelRows.performance(key(), ece, estimated ? LABELLED / 10 : LABELLED, estimated, revision,
                    key().end().plus(Duration.ofMinutes(minutesAfterEnd)));
        }

        boolean judged() {
            return minutesAfterEnd < EVALUATE_AFTER.toMinutes();
        }
    }

    /**
     * W0: clean by its due time, a breaching revision only after it (not judged). W1: breaches on its latest
     * judged revision although an earlier one was clean. W2: clean again (resolves). W3: estimated only (no data
     * for ece; coverage breaches). W4: breaching once labels cover it, estimated before.
     */
    private static final List<Revision> REVISIONS = List.of(
            new Revision(0, 1, 0.4, true), new Revision(0, 10, 0.05, false), new Revision(0, 40, 0.5, false),
            new Revision(1, 5, 0.02, false), new Revision(1, 20, 0.2, false),
            new Revision(2, 5, 0.25, false), new Revision(2, 25, 0.03, false),
            new Revision(3, 2, 0.9, true), new Revision(3, 29, 0.9, true),
            new Revision(4, 3, 0.01, true), new Revision(4, 15, 0.3, false));

    @Test
    void eachWindowIsJudgedOnItsLatestRevisionBeforeTheDueTime() throws Exception {
        List<AlertEvent> events = stream(REVISIONS);
        assertThat(events).extracting(e -> e.rule() + " " + e.kind() + " " + e.windowStart()).containsExactlyInAnyOrder(
                "ece FIRED " + T0.plus(WINDOW),
                "ece RESOLVED " + T0.plus(WINDOW.multipliedBy(2)),
                "coverage FIRED " + T0.plus(WINDOW.multipliedBy(3)),
                "ece FIRED " + T0.plus(WINDOW.multipliedBy(4)),
                "coverage RESOLVED " + T0.plus(WINDOW.multipliedBy(4)));
        assertThat(events.stream().filter(e -> e.kind() == EventKind.FIRED && e.rule().equals("ece")).findFirst()
                .orElseThrow().value()).as("the revision emitted 20 min after the end").isEqualTo(0.2);
    }

    @Test
    void streamEqualsInMemoryEvaluatorOnTheJudgedRevisionsWhateverTheArrivalOrder() throws Exception {
        List<MetricObservation> judged = new ArrayList<>();
        for (int w = 0; w <= 4; w++) {
            int window = w;
            REVISIONS.stream().filter(r -> r.window() == window && r.judged())
                    .max(Comparator.comparingInt(Revision::minutesAfterEnd)).ifPresent(r -> {
                        judged.add(MetricConverters.calibration(r.row(0)));
                        judged.add(MetricConverters.performance(r.row(0)));
                    });
        }
        List<String> expected = new Evaluator(RULES.parse()).evaluate(judged).stream().map(AlertEvent::toString)
                .sorted().toList();
        for (long seed = 1; seed <= 3; seed++) {
            List<Revision> shuffled = new ArrayList<>(REVISIONS);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(stream(shuffled).stream().map(AlertEvent::toString).sorted().toList()).isEqualTo(expected);
        }
    }

    @Test
    void dueTimeOfRevisedAndOnceEmittedRows() {
        ObservationRecord once = ObservationRecord.of(MetricConverters.calibration(REVISIONS.get(0).row(1)));
        long end = once.windowEnd;
        long firing = end + 1_000;
        long after = EVALUATE_AFTER.toMillis();
        assertThat(RuleRouter.due(once, firing, 0)).as("emitted once: its firing time").isEqualTo(firing);
        assertThat(RuleRouter.due(once, firing, after)).as("or later with evaluate_after").isEqualTo(end - 1 + after);
        ObservationRecord revised = ObservationRecord.revision(MetricConverters.calibration(REVISIONS.get(0).row(1)),
                end + 5_000);
        assertThat(RuleRouter.due(revised, end + 5_000, after)).as("revisions: one due time per window")
                .isEqualTo(RuleRouter.due(revised, end + 25 * 60_000, after)).isEqualTo(end - 1 + after);
    }

    /**
     * Runs the revisions through router and evaluator as the job does: each revision's timestamp is its emission
     * time, the watermark reaches it just before it arrives, and revisions of one emission time arrive in any order.
     */
    private static List<AlertEvent> stream(List<Revision> revisions) throws Exception {
        List<Revision> byEmission = new ArrayList<>(revisions);
        byEmission.sort(Comparator.comparing(r -> r.row(0).emittedAt()));
        try (var router = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new RuleRouter(RULES)));
             var evaluator = new KeyedOneInputStreamOperatorTestHarness<>(
                     new KeyedProcessOperator<>(new AlertEvaluatorFunction(RULES)), (RoutedObservation r) -> r.unit,
                     Types.STRING)) {
            router.open();
            evaluator.open();
            int consumed = 0;
            long revision = 1;
            for (Revision r : byEmission) {
                PerformanceRow row = r.row(revision++);
                long emittedAt = row.emittedAt().toEpochMilli();
                evaluator.processWatermark(emittedAt - 1);
                router.processElement(new StreamRecord<>(
                        ObservationRecord.revision(MetricConverters.calibration(row), emittedAt), emittedAt));
                router.processElement(new StreamRecord<>(
                        ObservationRecord.revision(MetricConverters.performance(row), emittedAt), emittedAt));
                List<Object> out = new ArrayList<>(router.getOutput());
                for (Object o : out.subList(consumed, out.size())) {
                    @SuppressWarnings("unchecked")
                    StreamRecord<RoutedObservation> routed = (StreamRecord<RoutedObservation>) o;
                    evaluator.processElement(routed);
                }
                consumed = out.size();
            }
            evaluator.processWatermark(Long.MAX_VALUE);
            List<AlertEvent> events = evaluator.extractOutputValues().stream().map(AlertRecord::toEvent).toList();
            assertThat(events).extracting(AlertEvent::kind).doesNotContain(EventKind.REMINDER);
            return events;
        }
    }
}
