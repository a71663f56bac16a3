package io.driftwatch.detectors.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Serialized state restores mid-stream: feeding half, round-tripping the bytes and feeding the rest changes nothing. */
class StateRoundTripTest {

    private static final ReferenceData DATA = ReferenceData.load();

    static Stream<ReferenceData.Case> casesWithChanges() {
        return DATA.cases.stream().filter(c -> !c.change().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithChanges")
    void halfwayRoundTripGivesTheSameIndicesAsAnUninterruptedRun(ReferenceData.Case c) {
        double[] values = DATA.streams.get(c.stream());
        DetectorParams params = ReferenceData.paramsOf(c);
        MoaReferenceTest.Run uninterrupted = MoaReferenceTest.run(ChangeDetectors.create(params), values);

        int half = values.length / 2;
        ChangeDetector first = ChangeDetectors.create(params);
        MoaReferenceTest.Run head = MoaReferenceTest.run(first, Arrays.copyOfRange(values, 0, half));
        ChangeDetector restored = ChangeDetectors.fromBytes(first.toBytes());
        assertThat(restored.params()).isEqualTo(params);
        assertThat(restored.inputs()).isEqualTo(half);
        MoaReferenceTest.Run tail = MoaReferenceTest.run(restored, Arrays.copyOfRange(values, half, values.length));

        assertThat(concat(head.change(), tail.change(), half)).isEqualTo(uninterrupted.change()).isEqualTo(c.change());
        assertThat(concat(head.warning(), tail.warning(), half)).isEqualTo(uninterrupted.warning());
        assertThat(restored.toBytes()).isEqualTo(bytesAfterFullRun(params, values));
    }

    /** Round trip right after every change, where DDM, EDDM, PH and CUSUM hold a pending reset. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithChanges")
    void roundTripRightAfterEachChangeKeepsThePendingReset(ReferenceData.Case c) {
        double[] values = DATA.streams.get(c.stream());
        ChangeDetector detector = ChangeDetectors.create(ReferenceData.paramsOf(c));
        java.util.List<Integer> changes = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (detector.update(values[i]) == Signal.CHANGE) {
                changes.add(i);
                detector = ChangeDetectors.fromBytes(detector.toBytes());
            }
        }
        assertThat(changes).isEqualTo(c.change());
    }

    private static byte[] bytesAfterFullRun(DetectorParams params, double[] values) {
        ChangeDetector d = ChangeDetectors.create(params);
        for (double v : values) {
            d.update(v);
        }
        return d.toBytes();
    }

    private static java.util.List<Integer> concat(java.util.List<Integer> head, java.util.List<Integer> tail, int offset) {
        java.util.List<Integer> all = new java.util.ArrayList<>(head);
        tail.forEach(i -> all.add(i + offset));
        return all;
    }

    @ParameterizedTest
    @EnumSource(DetectorId.class)
    void freshDetectorRoundTrips(DetectorId id) {
        ChangeDetector fresh = ChangeDetectors.create(id);
        byte[] bytes = fresh.toBytes();
        assertThat(bytes[0]).isEqualTo(StateCodec.FORMAT_VERSION);
        ChangeDetector restored = ChangeDetectors.fromBytes(bytes);
        assertThat(restored.id()).isEqualTo(id);
        assertThat(restored.params()).isEqualTo(DetectorParams.defaults(id));
        assertThat(restored.inputs()).isZero();
        assertThat(restored.toBytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @EnumSource(DetectorId.class)
    void rejectsUnknownVersionTruncationAndTrailingBytes(DetectorId id) {
        ChangeDetector d = ChangeDetectors.create(id);
        for (int i = 0; i < 100; i++) {
            d.update(i % 7 == 0 ? 1.0 : 0.0);
        }
        byte[] bytes = d.toBytes();

        byte[] future = bytes.clone();
        future[0] = (byte) (StateCodec.FORMAT_VERSION + 1);
        assertThatThrownBy(() -> ChangeDetectors.fromBytes(future))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");

        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> ChangeDetectors.fromBytes(truncated))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");

        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> ChangeDetectors.fromBytes(longer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing");
    }

    @Test
    void rejectsEmptyNullAndUnknownDetector() {
        assertThatThrownBy(() -> ChangeDetectors.fromBytes(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeDetectors.fromBytes(new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeDetectors.fromBytes(new byte[] {StateCodec.FORMAT_VERSION, 99}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown change detector code");
    }

    @Test
    void rejectsAdwinStateWhoseBucketsDisagreeWithItsWidth() {
        ChangeDetector d = ChangeDetectors.create(DetectorId.ADWIN);
        for (int i = 0; i < 50; i++) {
            d.update(i % 3);
        }
        byte[] bytes = d.toBytes();
        // layout: version, code, inputs(8), delta(8), time(8), width(4) ...
        int widthOffset = 1 + 1 + Long.BYTES + Double.BYTES + Long.BYTES;
        bytes[widthOffset + Integer.BYTES - 1]++;
        assertThatThrownBy(() -> ChangeDetectors.fromBytes(bytes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("adwin");
    }
}
