package io.driftwatch.detectors.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.driftwatch.detectors.state.MergeableStateContract;
import io.driftwatch.detectors.state.SketchDefaults;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LatencySketchTest extends MergeableStateContract<LatencySketch> {

    private static final int BATCH = 2_000;
    /** Compensated sums merged in another order may differ in the last bits. */
    private static final double SUM_RELATIVE_TOLERANCE = 1e-12;

    @Override
    protected LatencySketch empty() {
        return new LatencySketch();
    }

    @Override
    protected void addRandom(LatencySketch state, Random random) {
        for (int i = 0; i < BATCH; i++) {
            state.add(Math.exp(3 + random.nextGaussian()));
        }
    }

    @Override
    protected LatencySketch fromBytes(byte[] bytes) {
        return LatencySketch.fromBytes(bytes);
    }

    @Override
    protected void assertEquivalent(LatencySketch actual, LatencySketch expected) {
        assertThat(actual.count()).isEqualTo(expected.count());
        if (expected.isEmpty()) {
            assertThat(actual.isEmpty()).isTrue();
            assertThat(actual.sum()).isZero();
            return;
        }
        assertThat(actual.sum()).isCloseTo(expected.sum(), within(SUM_RELATIVE_TOLERANCE * Math.abs(expected.sum())));
        assertThat(actual.min()).isEqualTo(expected.min());
        assertThat(actual.max()).isEqualTo(expected.max());
        assertThat(actual.quantiles()).isEqualTo(expected.quantiles());
    }

    static Stream<SketchReference> cases() {
        return Stream.of(SketchReference.load("lognormal"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void quantilesAreWithinRelativeAccuracyOfNumpysLowerQuantile(SketchReference ref) {
        for (var pair : new Object[][] {{ref.reference(), ref.referenceStats()}, {ref.current(), ref.currentStats()}}) {
            double[] data = (double[]) pair[0];
            SketchReference.Stats stats = (SketchReference.Stats) pair[1];
            LatencySketch sketch = new LatencySketch();
            for (double v : data) {
                sketch.add(v);
            }
            assertThat(sketch.count()).isEqualTo(stats.n());
            assertThat(sketch.sum() / sketch.count()).isCloseTo(stats.mean(), within(1e-9 * stats.mean()));
            assertThat(sketch.min()).isEqualTo(stats.min());
            assertThat(sketch.max()).isEqualTo(stats.max());
            double[] probs = ref.probsArray();
            for (int i = 0; i < probs.length; i++) {
                double expected = stats.quantilesLower()[i];
                assertThat(sketch.quantile(probs[i])).as("q=%s", probs[i])
                        .isCloseTo(expected, within(SketchDefaults.DDSKETCH_RELATIVE_ACCURACY * expected));
            }
            LatencyQuantiles q = sketch.quantiles();
            assertThat(q.p50()).isEqualTo(sketch.quantile(0.5));
            assertThat(q.p90()).isEqualTo(sketch.quantile(0.9));
            assertThat(q.p95()).isEqualTo(sketch.quantile(0.95));
            assertThat(q.p99()).isEqualTo(sketch.quantile(0.99));
            assertThat(q.p999()).isEqualTo(sketch.quantile(0.999));
        }
    }

    @Test
    void quantileDefinitionIsNumpysLowerNotInvertedCdf() {
        // numpy on [1, 100, 10000]: q=0.4 lower -> 1, inverted_cdf -> 100; q=0.9 lower -> 100, inverted_cdf -> 10000.
        LatencySketch sketch = new LatencySketch();
        for (double v : new double[] {1, 100, 10_000}) {
            sketch.add(v);
        }
        double accuracy = SketchDefaults.DDSKETCH_RELATIVE_ACCURACY;
        assertThat(sketch.quantile(0.4)).isCloseTo(1.0, within(accuracy * 1.0));
        assertThat(sketch.quantile(0.9)).isCloseTo(100.0, within(accuracy * 100.0));
    }

    @Test
    void memoryStaysBoundedOverAHugeDynamicRange() {
        LatencySketch sketch = new LatencySketch();
        Random random = new Random(11);
        for (int i = 0; i < 100_000; i++) {
            sketch.add(Math.pow(10, -250 + 500 * random.nextDouble()));
        }
        // At most MAX_BINS counts of 8 bytes plus headers; the lowest bins were collapsed.
        assertThat(sketch.toBytes().length).isLessThan(LatencySketch.MAX_BINS * Double.BYTES + 256);
        double p99 = sketch.quantile(0.99);
        assertThat(Math.log10(p99)).isCloseTo(-250 + 500 * 0.99, within(1.0));
    }

    @Test
    void edgeCases() {
        LatencySketch empty = new LatencySketch();
        assertThat(empty.quantile(0.5)).isNaN();
        assertThat(empty.quantiles().p99()).isNaN();
        assertThat(empty.min()).isNaN();
        assertThat(empty.count()).isZero();
        LatencySketch zeros = new LatencySketch();
        zeros.add(0.0);
        zeros.add(0.0);
        assertThat(zeros.quantile(0.5)).isZero();
        assertThat(zeros.max()).isZero();
        LatencySketch single = new LatencySketch();
        single.add(42.0);
        assertThat(single.quantile(0.0)).isCloseTo(42.0, within(0.42));
        assertThat(single.quantile(1.0)).isCloseTo(42.0, within(0.42));
    }

    @Test
    void rejectsBadInput() {
        LatencySketch sketch = new LatencySketch();
        assertThatThrownBy(() -> sketch.add(-1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-negative");
        assertThatThrownBy(() -> sketch.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sketch.add(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sketch.quantile(-0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencySketch.fromBytes(new byte[] {2})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> LatencySketch.fromBytes(new byte[] {LatencySketch.VERSION, 0x7f, 0x11}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
