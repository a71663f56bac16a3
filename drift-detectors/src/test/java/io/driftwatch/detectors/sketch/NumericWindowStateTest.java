package io.driftwatch.detectors.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.driftwatch.detectors.state.MergeableStateContract;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NumericWindowStateTest extends MergeableStateContract<NumericWindowState> {

    private static final double[] EDGES = {-1.0, 0.0, 1.0};
    private static final double REF_MIN = -2.5;
    private static final double REF_MAX = 2.5;
    private static final double MERGE_RELATIVE = 1e-12;
    /** A typical window: 10 bins (9 interior reference deciles) and 10k values. */
    private static final int TYPICAL_WINDOW = 10_000;
    /**
     * Measured 4,673 bytes: KLL k=200 4,373 (539 retained doubles), bins 157, moments 41, quality 69. KLL grows
     * with log n (5,301 bytes in total at 10^6 values), so this leaves headroom without hiding a regression.
     */
    private static final int TYPICAL_WINDOW_MAX_BYTES = 5_500;

    private final QuantileSketchTest sketchLaws = new QuantileSketchTest();
    private final MomentsTest momentLaws = new MomentsTest();

    @Override
    protected NumericWindowState empty() {
        return new NumericWindowState(EDGES, REF_MIN, REF_MAX);
    }

    @Override
    protected void addRandom(NumericWindowState state, Random random) {
        for (int i = 0; i < 2_000; i++) {
            switch (random.nextInt(100)) {
                case 0 -> state.add(Double.NaN);
                case 1 -> state.add(Double.POSITIVE_INFINITY);
                case 2 -> state.addNull();
                case 3 -> state.addTypeMismatch();
                default -> state.add(random.nextGaussian());
            }
        }
    }

    @Override
    protected NumericWindowState fromBytes(byte[] bytes) {
        return NumericWindowState.fromBytes(bytes);
    }

    @Override
    protected void assertEquivalent(NumericWindowState actual, NumericWindowState expected) {
        assertThat(actual.referenceMin()).isEqualTo(expected.referenceMin());
        assertThat(actual.referenceMax()).isEqualTo(expected.referenceMax());
        assertThat(actual.bins().counts()).isEqualTo(expected.bins().counts());
        sketchLaws.assertEquivalent(actual.sketch(), expected.sketch());
        momentLaws.assertEquivalent(actual.moments(), expected.moments());
        for (QualityIssue issue : QualityIssue.values()) {
            assertThat(actual.quality().count(issue)).isEqualTo(expected.quality().count(issue));
        }
        assertThat(actual.quality().totalSeen()).isEqualTo(expected.quality().totalSeen());
    }

    @Test
    void routesValues() {
        NumericWindowState state = empty();
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -3.0, 0.5,
                2.5, 9.0}) {
            state.add(v);
        }
        state.addNull();
        state.addTypeMismatch();
        QualityCounters quality = state.quality();
        assertThat(quality.totalSeen()).isEqualTo(9);
        assertThat(quality.count(QualityIssue.NAN)).isEqualTo(1);
        assertThat(quality.count(QualityIssue.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(quality.count(QualityIssue.NEGATIVE_INFINITY)).isEqualTo(1);
        assertThat(quality.count(QualityIssue.NULL)).isEqualTo(1);
        assertThat(quality.count(QualityIssue.TYPE_MISMATCH)).isEqualTo(1);
        // -3 and 9 lie outside [-2.5, 2.5] (the bounds themselves are inside) but are still binned.
        assertThat(quality.count(QualityIssue.OUT_OF_REFERENCE_RANGE)).isEqualTo(2);
        assertThat(state.bins().counts()).containsExactly(1L, 0L, 1L, 2L);
        assertThat(state.sketch().n()).isEqualTo(4);
        assertThat(state.moments().count()).isEqualTo(4);
        assertThat(state.moments().mean()).isCloseTo((-3.0 + 0.5 + 2.5 + 9.0) / 4, within(1e-15));
    }

    static Stream<SketchReference> cases() {
        return SketchReference.all();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesNumpyOnTheReferenceData(SketchReference ref) {
        SketchReference.Stats refStats = ref.referenceStats();
        NumericWindowState state = new NumericWindowState(ref.binEdges(), refStats.min(), refStats.max());
        Arrays.stream(ref.current()).forEach(state::add);
        assertThat(state.bins().counts()).isEqualTo(ref.binCountsCurrent());
        long outside = Arrays.stream(ref.current()).filter(v -> v < refStats.min() || v > refStats.max()).count();
        assertThat(state.quality().count(QualityIssue.OUT_OF_REFERENCE_RANGE)).isEqualTo(outside);
        assertThat(state.moments().mean())
                .isCloseTo(ref.currentStats().mean(), within(1e-9 * Math.abs(ref.currentStats().mean())));
        assertThat(state.sketch().n()).isEqualTo(ref.current().length);
    }

    @Test
    void typicalWindowEncodingIsSmall() {
        SketchReference ref = SketchReference.load("normal_shift");
        NumericWindowState state = new NumericWindowState(ref.binEdges(), -4.0, 4.0);
        Arrays.stream(ref.reference()).limit(TYPICAL_WINDOW).forEach(state::add);
        assertThat(state.bins().numBins()).isEqualTo(10);
        byte[] bytes = state.toBytes();
        assertThat(bytes.length).isLessThan(TYPICAL_WINDOW_MAX_BYTES);
        assertThat(NumericWindowState.fromBytes(bytes).toBytes()).isEqualTo(bytes);
    }

    @Test
    void mergeRequiresTheSameReference() {
        NumericWindowState state = empty();
        assertThatThrownBy(() -> state.merge(new NumericWindowState(EDGES, REF_MIN, 3.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference ranges");
        assertThatThrownBy(() -> state.merge(new NumericWindowState(new double[] {0.0}, REF_MIN, REF_MAX)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bin edges");
    }

    @Test
    void rejectsBadConfiguration() {
        assertThatThrownBy(() -> new NumericWindowState(EDGES, 1.0, -1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds");
        assertThatThrownBy(() -> new NumericWindowState(EDGES, Double.NaN, 1.0)).isInstanceOf(IllegalArgumentException.class);
        byte[] bytes = empty().toBytes();
        assertThatThrownBy(() -> NumericWindowState.fromBytes(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
