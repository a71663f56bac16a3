package io.driftwatch.flink.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.driftwatch.detectors.performance.BinaryClassificationAccumulator;
import io.driftwatch.flink.config.LabelConfig;
import io.driftwatch.flink.config.LabelSpec;
import io.driftwatch.schemas.tables.ModelTask;
import io.driftwatch.schemas.tables.PerformanceRow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Revisions of one window in Flink's keyed harness: throttled, in order, deterministic, and cleaned up. */
class WindowPerformanceTest {

    private static final long MINUTE = 60_000L;
    private static final long HORIZON = 60 * MINUTE;
    private static final long WAIT = 10 * MINUTE;
    private static final LabelConfig CONFIG = new LabelConfig(new LabelSpec(ModelTask.BINARY,
            Duration.ofMillis(HORIZON), 0.5, 0.75, Duration.ofMillis(WAIT), Duration.ofMinutes(1), List.of()), Map.of());

    private KeyedOneInputStreamOperatorTestHarness<String, Outcome, PerformanceRow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new WindowPerformance(CONFIG, MINUTE),
                Outcome::windowKey, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static Outcome outcome(byte kind, String id, long predictionTime, long labelTime, double score, int label) {
        Outcome o = new Outcome();
        o.kind = kind;
        o.modelId = "fraud";
        o.modelVersion = "v1";
        o.segment = "";
        o.predictionId = id;
        o.windowStart = 0;
        o.predictionTimeMillis = predictionTime;
        o.labelTimeMillis = labelTime;
        o.orderTime = Math.max(predictionTime, labelTime);
        o.output = score;
        o.labelNumeric = label;
        o.labelClass = -1;
        return o;
    }

    private void add(Outcome o) throws Exception {
        harness.processElement(o, o.orderTime);
    }

    @Test
    void aFloodOfLabelsIsOneRevisionPerIntervalAndStateIsDroppedAtTheEnd() throws Exception {
        for (int i = 0; i < 50; i++) {
            add(outcome(Outcome.PREDICTION, "p" + i, 1_000 + i, 1_000 + i, 0.9, 0));
        }
        add(outcome(Outcome.PREDICTION, "q", 2_000, 2_000, 0.2, 0));
        harness.processWatermark(new Watermark(MINUTE));
        List<PerformanceRow> rows = harness.extractOutputValues();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).revision()).isEqualTo(1);
        assertThat(rows.get(0).counts().coverage()).isZero();
        assertThat(rows.get(0).estimate().estimated()).isTrue();
        assertThat(rows.get(0).estimate().accuracy()).isCloseTo((50 * 0.9 + 0.8) / 51, within(1e-12));
        assertThat(rows.get(0).metrics().ece()).isNaN();

        for (int i = 0; i < 50; i++) {
            add(outcome(Outcome.LABEL, "p" + i, 1_000 + i, 5 * MINUTE + 1 + i, 0.9, 1));
        }
        add(outcome(Outcome.LABEL, "q", 2_000, 5 * MINUTE + 30_000, 0.2, 0));
        harness.processWatermark(new Watermark(6 * MINUTE));
        rows = harness.extractOutputValues();
        assertThat(rows).hasSize(2);
        PerformanceRow latest = rows.get(1);
        assertThat(latest.revision()).isEqualTo(2);
        assertThat(latest.emittedAt().toEpochMilli()).isEqualTo(6 * MINUTE);
        assertThat(latest.counts().labelled()).isEqualTo(51);
        BinaryClassificationAccumulator direct = new BinaryClassificationAccumulator(0.5);
        for (int i = 0; i < 50; i++) {
            direct.add(0.9, 1);
        }
        direct.add(0.2, 0);
        assertThat(latest.metrics().brier()).isEqualTo(direct.metrics().brier());
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.processWatermark(new Watermark(Long.MAX_VALUE));
        assertThat(harness.extractOutputValues()).hasSize(2);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aLateOutcomeIsEmittedAfterTheLastRevisionNeverAtTheSameTime() throws Exception {
        add(outcome(Outcome.PREDICTION, "p1", 1_000, 1_000, 0.9, 0));
        harness.processWatermark(new Watermark(2 * MINUTE));
        add(outcome(Outcome.LABEL, "p1", 1_000, 30_000, 0.9, 1));
        harness.processWatermark(new Watermark(3 * MINUTE));
        List<PerformanceRow> rows = harness.extractOutputValues();
        assertThat(rows).extracting(r -> r.emittedAt().toEpochMilli()).containsExactly(MINUTE, 2 * MINUTE);
        assertThat(rows).extracting(PerformanceRow::revision).containsExactly(1L, 2L);
    }

    @Test
    void gridCeilingRoundsUpToTheInterval() {
        assertThat(WindowPerformance.gridCeiling(0, MINUTE)).isZero();
        assertThat(WindowPerformance.gridCeiling(1, MINUTE)).isEqualTo(MINUTE);
        assertThat(WindowPerformance.gridCeiling(-1, MINUTE)).isZero();
        assertThat(WindowPerformance.gridCeiling(MINUTE, MINUTE)).isEqualTo(MINUTE);
    }

    @Test
    void anOutcomeForAWindowWhoseStateWasDroppedIsIgnored() throws Exception {
        add(outcome(Outcome.PREDICTION, "p1", 1_000, 1_000, 0.9, 0));
        long cleanup = MINUTE + HORIZON + WAIT + MINUTE;
        harness.processWatermark(new Watermark(cleanup));
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
        add(outcome(Outcome.PREDICTION, "p2", 2_000, 2_000, 0.4, 0));
        harness.processWatermark(new Watermark(Long.MAX_VALUE));
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
