package io.driftwatch.flink.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.flink.config.LabelConfig;
import io.driftwatch.flink.config.LabelSpec;
import io.driftwatch.flink.source.DeadLetterRecord;
import io.driftwatch.flink.source.Observation;
import io.driftwatch.schemas.tables.ModelTask;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The join operator in Flink's keyed two-input harness: decisions, dead-letter reasons, and state and timer cleanup. */
class LabelJoinTest {

    private static final long HOUR = 3_600_000L;
    private static final long HORIZON = 24 * HOUR;
    private static final long WAIT = HOUR;
    private static final long WINDOW = 60_000L;
    private static final LabelConfig CONFIG = new LabelConfig(new LabelSpec(ModelTask.BINARY,
            Duration.ofMillis(HORIZON), 0.5, 0.5, Duration.ofMillis(WAIT), Duration.ofMinutes(1), List.of()), Map.of());

    private KeyedTwoInputStreamOperatorTestHarness<String, Observation, LabelRecord, Outcome> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new LabelJoin(CONFIG, WINDOW),
                o -> LabelJoin.joinKey(o.modelId, o.predictionId), LabelRecord::joinKey, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    static Observation prediction(String id, long time, double score) {
        Observation o = new Observation();
        o.predictionId = id;
        o.modelId = "fraud";
        o.modelVersion = "v1";
        o.segment = "";
        o.eventTimeMillis = time;
        o.score = score;
        o.value = Double.NaN;
        o.predictedClass = "";
        return o;
    }

    static LabelRecord label(String id, long time, double value) {
        LabelRecord r = new LabelRecord();
        r.predictionId = id;
        r.modelId = "fraud";
        r.eventTimeMillis = time;
        r.numeric = value;
        r.sourceTopic = "labels";
        r.payload = new byte[0];
        return r;
    }

    private List<Outcome> outcomes() {
        return harness.extractOutputValues();
    }

    private List<String> reasons() {
        var side = harness.getSideOutput(LabelJoin.DEAD_LETTERS);
        return side == null ? List.of() : side.stream().map(StreamRecord::getValue).map(d -> d.reason).toList();
    }

    private void assertNoStateLeft() {
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aLabelJoinsItsPredictionAndStateIsGoneAfterHorizonAndWait() throws Exception {
        harness.processElement1(prediction("p1", 1_000, 0.8), 1_000);
        harness.processElement2(label("p1", 5 * HOUR, 1), 5 * HOUR);
        assertThat(outcomes()).hasSize(2);
        Outcome joined = outcomes().get(1);
        assertThat(joined.kind).isEqualTo(Outcome.LABEL);
        assertThat(joined.output).isEqualTo(0.8);
        assertThat(joined.labelNumeric).isEqualTo(1.0);
        assertThat(joined.delayMillis()).isEqualTo(5 * HOUR - 1_000);
        assertThat(joined.windowStart).isZero();
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(1_000 + HORIZON));
        assertThat(harness.numKeyedStateEntries()).as("tombstone").isEqualTo(1);
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(1_000 + HORIZON + WAIT));
        assertNoStateLeft();
        assertThat(reasons()).isEmpty();
    }

    @Test
    void aLabelBeforeItsPredictionWaitsAndItsTimerIsDeletedOnJoin() throws Exception {
        harness.processElement2(label("p1", 2_000, 0), 2_000);
        assertThat(outcomes()).isEmpty();
        assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        harness.processElement1(prediction("p1", 1_000, 0.3), 1_000);
        assertThat(outcomes()).extracting(o -> o.kind).containsExactly(Outcome.PREDICTION, Outcome.LABEL);
        assertThat(outcomes().get(1).orderTime).isEqualTo(2_000);
        assertThat(harness.numEventTimeTimers()).as("only the prediction's expiry").isEqualTo(1);
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
        assertNoStateLeft();
    }

    @Test
    void rejectedLabelsAreDeadLetteredWithTheirReason() throws Exception {
        harness.processElement1(prediction("p1", 0, 0.9), 0);
        harness.processElement2(label("p1", HOUR, 1), HOUR);
        harness.processElement2(label("p1", 2 * HOUR, 1), 2 * HOUR);
        harness.processElement1(prediction("p2", 0, 0.9), 0);
        harness.processElement2(label("p2", HORIZON + 1, 1), HORIZON + 1);
        harness.processElement1(prediction("p3", 0, 0.9), 0);
        harness.processElement2(label("p3", HOUR, 2), HOUR);
        harness.processElement2(label("ghost", HOUR, 1), HOUR);
        harness.processElement1(prediction("p4", 0, 0.9), 0);
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(HORIZON + 1));
        harness.processElement2(label("p4", HORIZON, 0), HORIZON);
        assertThat(reasons()).containsExactly("duplicate_label", "label_past_horizon", "label_mismatch",
                "unknown_prediction", "label_past_horizon");
        DeadLetterRecord first = harness.getSideOutput(LabelJoin.DEAD_LETTERS).peek().getValue();
        assertThat(first.sourceTopic).isEqualTo("labels");
        assertThat(first.toDeadLetter().reason().id()).isEqualTo("duplicate_label");
        harness.processBothWatermarks(new org.apache.flink.streaming.api.watermark.Watermark(Long.MAX_VALUE));
        assertNoStateLeft();
        assertThat(outcomes().stream().filter(o -> o.kind == Outcome.LABEL).map(o -> o.predictionId))
                .containsExactly("p1");
    }

    @Test
    void aRepeatedPredictionIdIsIgnored() throws Exception {
        harness.processElement1(prediction("p1", 0, 0.9), 0);
        harness.processElement1(prediction("p1", 10, 0.1), 10);
        assertThat(outcomes()).hasSize(1);
        assertThat(Objects.requireNonNull(outcomes().get(0)).output).isEqualTo(0.9);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> new LabelJoin(CONFIG, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window size");
    }
}
