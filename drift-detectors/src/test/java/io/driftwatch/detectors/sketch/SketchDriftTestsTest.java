package io.driftwatch.detectors.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SketchDriftTestsTest {

    private static final double ALPHA = 0.05;
    /** p-values against scipy's kstwobign, relative (house rule: 1e-6). */
    private static final double P_RELATIVE = 1e-6;
    /** Statistics against scipy, relative (house rule: 1e-9). */
    private static final double STAT_RELATIVE = 1e-9;
    /**
     * The Wasserstein bound is worst case: over 200 repetitions of every case the actual error stayed below
     * 0.18 of it (KLL's randomness; the lognormal's long tail is the worst), so a regression that merely stays
     * within the loose bound still fails this tighter check.
     */
    private static final double WASSERSTEIN_TYPICAL_FRACTION_OF_BOUND = 0.5;

    static Stream<SketchReference> cases() {
        return SketchReference.all();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ksStatisticIsWithinTheErrorBoundOfScipy(SketchReference ref) {
        QuantileSketch reference = SketchReference.sketchOf(ref.reference());
        QuantileSketch current = SketchReference.sketchOf(ref.current());
        double bound = SketchDriftTests.ksErrorBound(reference, current);
        assertThat(bound).isEqualTo(reference.normalizedRankError() + current.normalizedRankError());
        assertThat(SketchDriftTests.ksStatistic(reference, current)).isCloseTo(ref.ksStatistic(), within(bound));
        assertThat(SketchDriftTests.ksStatistic(current, reference))
                .isEqualTo(SketchDriftTests.ksStatistic(reference, current));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void pValueAndCriticalValueMatchTheKolmogorovLimit(SketchReference ref) {
        long n1 = ref.reference().length;
        long n2 = ref.current().length;
        assertThat(SketchDriftTests.ksPValue(ref.ksStatistic(), n1, n2))
                .isCloseTo(ref.ksPvalueKolmogorovLimit(), within(P_RELATIVE * ref.ksPvalueKolmogorovLimit()));
        double nEff = (double) n1 * n2 / (n1 + n2);
        ref.kolmogorovIsfAlpha().forEach((alpha, isf) -> {
            double expected = isf / Math.sqrt(nEff);
            assertThat(SketchDriftTests.ksCriticalValue(Double.parseDouble(alpha), n1, n2))
                    .isCloseTo(expected, within(STAT_RELATIVE * expected));
        });
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ksDecisionSubtractsTheErrorBoundBeforeComparingWithScipysCriticalValue(SketchReference ref) {
        QuantileSketch reference = SketchReference.sketchOf(ref.reference());
        QuantileSketch current = SketchReference.sketchOf(ref.current());
        DriftResult result = SketchDriftTests.ks(reference, current, ALPHA);
        double nEff = (double) reference.n() * current.n() / (reference.n() + current.n());
        double critical = ref.kolmogorovIsfAlpha().get(String.valueOf(ALPHA)) / Math.sqrt(nEff);
        assertThat(result.test()).isEqualTo(DriftTestId.KS);
        assertThat(result.threshold()).isEqualTo(ALPHA);
        assertThat(result.errorBound()).isEqualTo(SketchDriftTests.ksErrorBound(reference, current));
        assertThat(result.statistic()).isEqualTo(SketchDriftTests.ksStatistic(reference, current));
        assertThat(result.pValue()).isEqualTo(SketchDriftTests.ksPValue(result.statistic(), reference.n(), current.n()));
        assertThat(result.drift()).isEqualTo(result.statistic() - result.errorBound() > critical);
    }

    @Test
    void largeShiftIsDriftAndTheSmallSameDistributionSampleIsNot() {
        SketchReference shifted = SketchReference.load("normal_large_shift");
        assertThat(SketchDriftTests.ks(SketchReference.sketchOf(shifted.reference()),
                SketchReference.sketchOf(shifted.current()), ALPHA).drift()).isTrue();
        // Exact scipy says p = 0.024 here (a chance result on same-distribution data); after subtracting the
        // sketch error bound the sketch test cannot call it drift: the conservative side of the rule.
        SketchReference same = SketchReference.load("normal_same");
        DriftResult result = SketchDriftTests.ks(SketchReference.sketchOf(same.reference()),
                SketchReference.sketchOf(same.current()), ALPHA);
        assertThat(same.ksPvalueScipyAsymp()).isLessThan(ALPHA);
        assertThat(result.drift()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void wassersteinIsWithinItsBoundOfScipy(SketchReference ref) {
        QuantileSketch reference = SketchReference.sketchOf(ref.reference());
        QuantileSketch current = SketchReference.sketchOf(ref.current());
        double std = ref.referenceStats().stdDdof0();
        DriftResult raw = SketchDriftTests.wassersteinRaw(reference, current, 0.1);
        DriftResult normed = SketchDriftTests.wassersteinNormed(reference, current, std, 0.1);
        assertThat(raw.test()).isEqualTo(DriftTestId.WASSERSTEIN_RAW);
        assertThat(normed.test()).isEqualTo(DriftTestId.WASSERSTEIN);
        assertThat(raw.pValue()).isNaN();
        assertThat(raw.statistic()).isCloseTo(ref.wasserstein(), within(raw.errorBound()));
        assertThat(Math.abs(raw.statistic() - ref.wasserstein()))
                .isLessThan(WASSERSTEIN_TYPICAL_FRACTION_OF_BOUND * raw.errorBound());
        assertThat(normed.statistic()).isCloseTo(ref.wasserstein() / std, within(normed.errorBound()));
        assertThat(normed.statistic()).isCloseTo(raw.statistic() / std, within(1e-12));
        assertThat(normed.errorBound()).isCloseTo(raw.errorBound() / std, within(1e-12));
        assertThat(normed.drift()).isEqualTo(normed.statistic() >= 0.1);
    }

    @Test
    void identicalSketchesHaveZeroDistances() {
        SketchReference ref = SketchReference.load("normal_shift");
        QuantileSketch sketch = SketchReference.sketchOf(ref.reference());
        assertThat(SketchDriftTests.ksStatistic(sketch, sketch)).isZero();
        assertThat(SketchDriftTests.wassersteinDistance(sketch, sketch)).isZero();
        DriftResult result = SketchDriftTests.ks(sketch, sketch, ALPHA);
        assertThat(result.pValue()).isEqualTo(1.0);
        assertThat(result.drift()).isFalse();
    }

    @Test
    void exactSmallSketchesGiveTheExactStatistic() {
        // n <= k: KLL keeps every value. {1,2,3,4} vs {3,4,5,6}: F1(2) = 0.5, F2(2) = 0 -> D = 0.5;
        // W1 = mean shift 2 (scipy.stats.wasserstein_distance gives 2.0).
        QuantileSketch first = new QuantileSketch();
        QuantileSketch second = new QuantileSketch();
        for (int i = 1; i <= 4; i++) {
            first.add(i);
            second.add(i + 2);
        }
        assertThat(SketchDriftTests.ksStatistic(first, second)).isEqualTo(0.5);
        assertThat(SketchDriftTests.wassersteinDistance(first, second)).isCloseTo(2.0, within(1e-12));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void wassersteinScanEqualsThePerPointQuantileSum(SketchReference ref) {
        // The forward scan must return exactly what a getQuantile(p, INCLUSIVE) per grid point returns.
        QuantileSketch reference = SketchReference.sketchOf(ref.reference());
        QuantileSketch current = SketchReference.sketchOf(ref.current());
        assertThat(SketchDriftTests.wassersteinDistance(reference, current))
                .isEqualTo(midpointSumOfQuantiles(reference, current));
    }

    @Test
    void wassersteinScanEqualsThePerPointQuantileSumForSmallAndCompactedSketches() {
        // n = 3 gives fractional ranks p n; n = 20,000 = 2 * grid puts every p n exactly on an integer (ties
        // between rank and cumulative weight); 100,000 is well into KLL's compacted regime.
        QuantileSketch three = uniformSketch(3, 1);
        QuantileSketch onGrid = uniformSketch(2 * SketchDriftTests.WASSERSTEIN_GRID_SIZE, 2);
        QuantileSketch large = uniformSketch(100_000, 3);
        assertThat(SketchDriftTests.wassersteinDistance(three, large)).isEqualTo(midpointSumOfQuantiles(three, large));
        assertThat(SketchDriftTests.wassersteinDistance(onGrid, large))
                .isEqualTo(midpointSumOfQuantiles(onGrid, large));
        assertThat(SketchDriftTests.wassersteinDistance(onGrid, three))
                .isEqualTo(midpointSumOfQuantiles(onGrid, three));
    }

    private static QuantileSketch uniformSketch(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        QuantileSketch sketch = new QuantileSketch();
        for (int i = 0; i < n; i++) {
            sketch.add(random.nextDouble() * 3.0);
        }
        return sketch;
    }

    /** The midpoint rule of the class comment, through the sketches' public quantile queries. */
    private static double midpointSumOfQuantiles(QuantileSketch first, QuantileSketch second) {
        double sum = 0;
        for (int cell = 0; cell < SketchDriftTests.WASSERSTEIN_GRID_SIZE; cell++) {
            double p = (cell + 0.5) / SketchDriftTests.WASSERSTEIN_GRID_SIZE;
            sum += Math.abs(first.quantile(p) - second.quantile(p));
        }
        return sum / SketchDriftTests.WASSERSTEIN_GRID_SIZE;
    }

    @Test
    void rejectsBadInput() {
        QuantileSketch empty = new QuantileSketch();
        QuantileSketch one = new QuantileSketch();
        one.add(1.0);
        assertThatThrownBy(() -> SketchDriftTests.ks(empty, one, ALPHA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-empty");
        assertThatThrownBy(() -> SketchDriftTests.ks(one, one, 0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alpha");
        assertThatThrownBy(() -> SketchDriftTests.wassersteinNormed(one, one, 0.0, 0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("standard deviation");
        assertThatThrownBy(() -> SketchDriftTests.wassersteinRaw(one, empty, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SketchDriftTests.ksPValue(0.1, 0, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
