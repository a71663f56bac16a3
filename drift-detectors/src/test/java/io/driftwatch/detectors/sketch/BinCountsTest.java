package io.driftwatch.detectors.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.detectors.internal.EdgeSearch;
import io.driftwatch.detectors.state.MergeableStateContract;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BinCountsTest extends MergeableStateContract<BinCounts> {

    private static final double[] EDGES = {-1.0, 0.0, 0.5, 2.0};

    @Override
    protected BinCounts empty() {
        return new BinCounts(EDGES);
    }

    @Override
    protected void addRandom(BinCounts state, Random random) {
        int n = 1 + random.nextInt(500);
        for (int i = 0; i < n; i++) {
            state.add(random.nextGaussian());
        }
    }

    @Override
    protected BinCounts fromBytes(byte[] bytes) {
        return BinCounts.fromBytes(bytes);
    }

    @Override
    protected void assertEquivalent(BinCounts actual, BinCounts expected) {
        assertThat(actual.edges()).isEqualTo(expected.edges());
        assertThat(actual.counts()).isEqualTo(expected.counts());
        assertThat(actual.total()).isEqualTo(expected.total());
    }

    static Stream<SketchReference> cases() {
        return SketchReference.all();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void countsMatchNumpySearchsortedRight(SketchReference ref) {
        BinCounts bins = new BinCounts(ref.binEdges());
        for (double v : ref.current()) {
            bins.add(v);
        }
        assertThat(bins.numBins()).isEqualTo(ref.binEdges().length + 1);
        assertThat(bins.counts()).isEqualTo(ref.binCountsCurrent());
        assertThat(bins.total()).isEqualTo(ref.current().length);
    }

    @ParameterizedTest
    @MethodSource("edgeCounts")
    void linearScanAndBinarySearchBothCountTheEdgesAtOrBelow(int numEdges) {
        // Small edge sets take the linear scan, larger ones the binary search: both must be searchsorted-right.
        double[] edges = new double[numEdges];
        for (int i = 0; i < numEdges; i++) {
            edges[i] = i * 0.5 - numEdges / 4.0;
        }
        BinCounts bins = new BinCounts(edges);
        Random random = new Random(numEdges);
        for (int trial = 0; trial < 2000; trial++) {
            double value = trial % 2 == 0 ? edges[random.nextInt(numEdges)] : (random.nextDouble() - 0.5) * numEdges;
            int atOrBelow = 0;
            for (double edge : edges) {
                atOrBelow += edge <= value ? 1 : 0;
            }
            assertThat(bins.binOf(value)).as("value %s", value).isEqualTo(atOrBelow);
        }
    }

    static Stream<Integer> edgeCounts() {
        return Stream.of(1, 9, EdgeSearch.LINEAR_SCAN_MAX_EDGES, EdgeSearch.LINEAR_SCAN_MAX_EDGES + 1, 100);
    }

    @Test
    void edgeValuesGoToTheBinAboveAndInfinitiesToTheOuterBins() {
        BinCounts bins = new BinCounts(EDGES);
        assertThat(bins.binOf(-1.0)).isEqualTo(1);
        assertThat(bins.binOf(Math.nextDown(-1.0))).isEqualTo(0);
        assertThat(bins.binOf(0.0)).isEqualTo(2);
        assertThat(bins.binOf(-0.0)).isEqualTo(2);
        assertThat(bins.binOf(2.0)).isEqualTo(4);
        assertThat(bins.binOf(Double.NEGATIVE_INFINITY)).isEqualTo(0);
        assertThat(bins.binOf(Double.POSITIVE_INFINITY)).isEqualTo(4);
        BinCounts single = new BinCounts(new double[0]);
        single.add(3.0);
        assertThat(single.counts()).containsExactly(1L);
    }

    @Test
    void mergeRequiresIdenticalEdges() {
        BinCounts bins = new BinCounts(EDGES);
        assertThatThrownBy(() -> bins.merge(new BinCounts(new double[] {-1.0, 0.0, 0.5, 2.5})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different bin edges");
        bins.merge(new BinCounts(new double[] {-1.0, -0.0, 0.5, 2.0})); // -0.0 and 0.0 are the same edge
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new BinCounts(new double[] {1.0, 1.0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly increasing");
        assertThatThrownBy(() -> new BinCounts(new double[] {2.0, 1.0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BinCounts(new double[] {Double.NaN})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> new BinCounts(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BinCounts(EDGES).add(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> BinCounts.fromBytes(new byte[] {BinCounts.VERSION, 0x7f, 0, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
