package io.driftwatch.flink.shuffle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.flink.source.Observation;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** When {@link PreShuffleBundler} flushes, and what its batches hold. */
class PreShuffleBundlerTest {

    private static Observation event(String model, String segment, long time) {
        Observation o = new Observation();
        o.modelId = model;
        o.modelVersion = "v1";
        o.segment = segment;
        o.eventTimeMillis = time;
        o.score = Double.NaN;
        o.latencyMs = Double.NaN;
        o.predictedClass = "";
        return o;
    }

    private static OneInputStreamOperatorTestHarness<Observation, ObservationBatch> harness(int maxEvents)
            throws Exception {
        var h = new OneInputStreamOperatorTestHarness<Observation, ObservationBatch>(new PreShuffleBundler(maxEvents));
        h.open();
        return h;
    }

    /** The output as text: {@code key:times} per batch, {@code W<time>} per watermark. */
    private static List<String> output(OneInputStreamOperatorTestHarness<Observation, ObservationBatch> h) {
        List<String> out = new ArrayList<>();
        for (Object o : h.getOutput()) {
            if (o instanceof Watermark w) {
                out.add("W" + w.getTimestamp());
            } else if (o instanceof WatermarkStatus s) {
                out.add(s.isIdle() ? "IDLE" : "ACTIVE");
            } else {
                ObservationBatch b = ((StreamRecord<?>) o).getValue() instanceof ObservationBatch batch ? batch : null;
                StringBuilder text = new StringBuilder(b.get(0).modelId + "/" + b.get(0).segment + ":");
                for (int i = 0; i < b.size(); i++) {
                    text.append(i > 0 ? "," : "").append(b.get(i).eventTimeMillis);
                }
                out.add(text.toString());
            }
        }
        return out;
    }

    @Test
    void holdsEventsUntilAWatermarkThenEmitsOneBatchPerKeyInArrivalOrderBeforeIt() throws Exception {
        var h = harness(100);
        h.processElement(new StreamRecord<>(event("a", "x", 3)));
        h.processElement(new StreamRecord<>(event("b", "x", 1)));
        h.processElement(new StreamRecord<>(event("a", "x", 2)));
        h.processElement(new StreamRecord<>(event("a", "y", 5)));
        assertThat(h.getOutput()).isEmpty();
        h.processWatermark(new Watermark(1));
        assertThat(output(h)).containsExactly("a/x:3,2", "b/x:1", "a/y:5", "W1");
    }

    @Test
    void flushesWhenTheBundleIsFullAndBeforeACheckpointBarrierAndAWatermarkStatus() throws Exception {
        var h = harness(3);
        h.processElement(new StreamRecord<>(event("a", "x", 1)));
        h.processElement(new StreamRecord<>(event("b", "x", 2)));
        assertThat(h.getOutput()).isEmpty();
        h.processElement(new StreamRecord<>(event("a", "x", 3)));
        assertThat(output(h)).containsExactly("a/x:1,3", "b/x:2");
        h.getOutput().clear();

        h.processElement(new StreamRecord<>(event("a", "x", 4)));
        h.prepareSnapshotPreBarrier(1);
        assertThat(output(h)).containsExactly("a/x:4");
        h.getOutput().clear();

        h.processElement(new StreamRecord<>(event("c", "x", 5)));
        h.processWatermarkStatus(WatermarkStatus.IDLE);
        assertThat(output(h)).containsExactly("c/x:5", "IDLE");
        h.getOutput().clear();

        h.processWatermark(new Watermark(9));
        assertThat(output(h)).as("nothing buffered: only the watermark").containsExactly("W9");
    }

    @Test
    void flushesAtEndOfInput() throws Exception {
        var h = harness(10);
        h.processElement(new StreamRecord<>(event("a", "x", 1)));
        h.endInput();
        h.close();
        assertThat(output(h)).contains("a/x:1");
    }

    @Test
    void aBundleOfOneShipsEveryEventAlone() throws Exception {
        var h = harness(1);
        h.processElement(new StreamRecord<>(event("a", "x", 1)));
        h.processElement(new StreamRecord<>(event("a", "x", 2)));
        assertThat(output(h)).containsExactly("a/x:1", "a/x:2");
    }

    @Test
    void rejectsAnEmptyBundleSize() {
        assertThatThrownBy(() -> new PreShuffleBundler(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxEvents 0");
    }
}
