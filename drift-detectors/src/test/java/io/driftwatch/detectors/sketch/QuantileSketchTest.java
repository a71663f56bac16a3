package io.driftwatch.detectors.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.detectors.state.MergeableStateContract;
import io.driftwatch.detectors.state.SketchDefaults;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QuantileSketchTest extends MergeableStateContract<QuantileSketch> {

    /** Enough values per batch that KLL compacts (estimation mode) rather than keeping everything. */
    private static final int BATCH = 3_000;
    private static final double[] PROBES = {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99};

    @Override
    protected QuantileSketch empty() {
        return new QuantileSketch();
    }

    @Override
    protected void addRandom(QuantileSketch state, Random random) {
        for (int i = 0; i < BATCH; i++) {
            state.add(random.nextGaussian());
        }
    }

    @Override
    protected QuantileSketch fromBytes(byte[] bytes) {
        return QuantileSketch.fromBytes(bytes);
    }

    @Override
    protected void assertEquivalent(QuantileSketch actual, QuantileSketch expected) {
        assertThat(actual.n()).isEqualTo(expected.n());
        assertThat(actual.k()).isEqualTo(expected.k());
        if (expected.isEmpty()) {
            assertThat(actual.isEmpty()).isTrue();
            return;
        }
        assertThat(actual.min()).isEqualTo(expected.min());
        assertThat(actual.max()).isEqualTo(expected.max());
        double tolerance = actual.normalizedRankError() + expected.normalizedRankError();
        for (double p : PROBES) {
            double x = expected.quantile(p);
            assertThat(actual.rank(x)).as("rank at expected %s-quantile", p)
                    .isCloseTo(expected.rank(x), org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    static Stream<SketchReference> cases() {
        return SketchReference.all();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void quantilesAreWithinTheRankErrorOfTheRawData(SketchReference ref) {
        for (double[] data : new double[][] {ref.reference(), ref.current()}) {
            QuantileSketch sketch = SketchReference.sketchOf(data);
            double[] sorted = SketchReference.sorted(data);
            double eps = sketch.normalizedRankError();
            assertThat(sketch.n()).isEqualTo(data.length);
            assertThat(sketch.min()).isEqualTo(sorted[0]);
            assertThat(sketch.max()).isEqualTo(sorted[sorted.length - 1]);
            for (double q : ref.probsArray()) {
                double x = sketch.quantile(q);
                double[] rank = SketchReference.rankInterval(sorted, x);
                // The returned value's true rank interval [lo, hi] must come within eps of q.
                assertThat(q).as("%s: q=%s, value %s has true ranks %s..%s", ref, q, x, rank[0], rank[1])
                        .isBetween(rank[0] - eps, rank[1] + eps);
                assertThat(Math.abs(sketch.rank(x) - q)).isLessThanOrEqualTo(eps);
            }
        }
    }

    @Test
    void smallSketchIsExactAndMatchesInvertedCdf() {
        // While n <= k KLL keeps every value: quantile is numpy's inverted_cdf, rank is the exact fraction <= x.
        QuantileSketch sketch = new QuantileSketch();
        for (double v : new double[] {5, 1, 4, 2, 3}) {
            sketch.add(v);
        }
        assertThat(sketch.quantile(0.0)).isEqualTo(1.0);
        assertThat(sketch.quantile(0.2)).isEqualTo(1.0);
        assertThat(sketch.quantile(0.21)).isEqualTo(2.0);
        assertThat(sketch.quantile(0.5)).isEqualTo(3.0);
        assertThat(sketch.quantile(1.0)).isEqualTo(5.0);
        assertThat(sketch.rank(3.0)).isEqualTo(0.6);
        assertThat(sketch.rank(0.0)).isEqualTo(0.0);
    }

    @Test
    void defaultsToSharedK() {
        assertThat(new QuantileSketch().k()).isEqualTo(SketchDefaults.KLL_K);
        assertThat(new QuantileSketch().normalizedRankError()).isBetween(0.01, 0.02);
    }

    @Test
    void emptySketchAnswersNaN() {
        QuantileSketch sketch = new QuantileSketch();
        assertThat(sketch.quantile(0.5)).isNaN();
        assertThat(sketch.rank(0.0)).isNaN();
        assertThat(sketch.min()).isNaN();
        assertThat(sketch.max()).isNaN();
    }

    @Test
    void allEqualValues() {
        QuantileSketch sketch = new QuantileSketch();
        for (int i = 0; i < 10_000; i++) {
            sketch.add(7.0);
        }
        assertThat(sketch.quantile(0.01)).isEqualTo(7.0);
        assertThat(sketch.quantile(0.99)).isEqualTo(7.0);
        assertThat(sketch.rank(7.0)).isEqualTo(1.0);
        assertThat(sketch.rank(6.9)).isEqualTo(0.0);
    }

    @Test
    void rejectsBadInput() {
        QuantileSketch sketch = new QuantileSketch();
        assertThatThrownBy(() -> sketch.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> sketch.add(Double.NEGATIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sketch.quantile(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sketch.quantile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sketch.rank(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuantileSketch(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k");
        assertThatThrownBy(() -> QuantileSketch.fromBytes(new byte[] {9, 0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> QuantileSketch.fromBytes(new byte[] {QuantileSketch.VERSION, 1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuantileSketch.fromBytes(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
