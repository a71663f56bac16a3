package io.driftwatch.detectors.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.driftwatch.detectors.state.MergeableStateContract;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MomentsTest extends MergeableStateContract<Moments> {

    /** House rule: statistics within 1e-9 relative of numpy. */
    private static final double RELATIVE = 1e-9;
    /** Merges in another order may differ in the last bits. */
    private static final double MERGE_RELATIVE = 1e-12;
    private static final int CHUNK = 777;

    @Override
    protected Moments empty() {
        return new Moments();
    }

    @Override
    protected void addRandom(Moments state, Random random) {
        int n = 1 + random.nextInt(500);
        for (int i = 0; i < n; i++) {
            state.add(10 + 3 * random.nextGaussian());
        }
    }

    @Override
    protected Moments fromBytes(byte[] bytes) {
        return Moments.fromBytes(bytes);
    }

    @Override
    protected void assertEquivalent(Moments actual, Moments expected) {
        assertThat(actual.count()).isEqualTo(expected.count());
        if (expected.isEmpty()) {
            assertThat(actual.mean()).isNaN();
            return;
        }
        assertThat(actual.mean()).isCloseTo(expected.mean(), within(MERGE_RELATIVE * Math.abs(expected.mean())));
        assertThat(actual.m2()).isCloseTo(expected.m2(), within(MERGE_RELATIVE * expected.m2()));
        assertThat(actual.min()).isEqualTo(expected.min());
        assertThat(actual.max()).isEqualTo(expected.max());
    }

    static Stream<SketchReference> cases() {
        return SketchReference.all();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesNumpyStreamedAndMerged(SketchReference ref) {
        for (var pair : new Object[][] {{ref.reference(), ref.referenceStats()}, {ref.current(), ref.currentStats()}}) {
            double[] data = (double[]) pair[0];
            SketchReference.Stats stats = (SketchReference.Stats) pair[1];
            Moments streamed = new Moments();
            Moments merged = new Moments();
            for (int start = 0; start < data.length; start += CHUNK) {
                Moments chunk = new Moments();
                for (int i = start; i < Math.min(data.length, start + CHUNK); i++) {
                    streamed.add(data[i]);
                    chunk.add(data[i]);
                }
                merged.merge(chunk);
            }
            for (Moments m : new Moments[] {streamed, merged}) {
                assertThat(m.count()).isEqualTo(stats.n());
                assertThat(m.mean()).isCloseTo(stats.mean(), within(RELATIVE * Math.abs(stats.mean())));
                assertThat(m.populationVariance()).isCloseTo(stats.varDdof0(), within(RELATIVE * stats.varDdof0()));
                assertThat(m.sampleVariance()).isCloseTo(stats.varDdof1(), within(RELATIVE * stats.varDdof1()));
                assertThat(m.min()).isEqualTo(stats.min());
                assertThat(m.max()).isEqualTo(stats.max());
            }
        }
    }

    @Test
    void edgeCases() {
        Moments empty = new Moments();
        assertThat(empty.mean()).isNaN();
        assertThat(empty.populationVariance()).isNaN();
        assertThat(empty.sampleVariance()).isNaN();
        assertThat(empty.min()).isNaN();
        Moments single = new Moments();
        single.add(4.0);
        assertThat(single.mean()).isEqualTo(4.0);
        assertThat(single.populationVariance()).isZero();
        assertThat(single.sampleVariance()).isNaN();
        Moments equal = new Moments();
        for (int i = 0; i < 1000; i++) {
            equal.add(1e9 + 0.1);
        }
        assertThat(equal.populationVariance()).isZero();
        assertThat(equal.mean()).isEqualTo(1e9 + 0.1);
        // Large offset, small spread: Welford keeps the variance (numpy: var([1e9+1, 1e9+2, 1e9+3]) = 2/3).
        Moments offset = new Moments();
        for (double v : new double[] {1e9 + 1, 1e9 + 2, 1e9 + 3}) {
            offset.add(v);
        }
        assertThat(offset.populationVariance()).isCloseTo(2.0 / 3.0, within(1e-9));
    }

    @Test
    void rejectsBadInput() {
        Moments moments = new Moments();
        assertThatThrownBy(() -> moments.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
        assertThatThrownBy(() -> moments.add(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Moments.fromBytes(new byte[] {Moments.VERSION, 1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated");
        byte[] valid = moments.toBytes();
        byte[] longer = java.util.Arrays.copyOf(valid, valid.length + 1);
        assertThatThrownBy(() -> Moments.fromBytes(longer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trailing");
    }
}
