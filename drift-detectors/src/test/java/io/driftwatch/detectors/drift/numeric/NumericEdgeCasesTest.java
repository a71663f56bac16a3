package io.driftwatch.detectors.drift.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Documented edge-case behaviour of every numeric test (see each class's javadoc). */
class NumericEdgeCasesTest {

    private static final double[] SAMPLE = {0.3, -1.2, 2.5, 0.7, 1.1, -0.4};

    static Stream<NumericDriftTest> allTests() {
        return NumericDriftTests.supported().stream().sorted().map(NumericDriftTests::of);
    }

    private static double[] constant(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTests")
    void emptySampleIsRejectedNamingTheSample(NumericDriftTest test) {
        assertThatThrownBy(() -> test.test(new double[0], SAMPLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference sample is empty");
        assertThatThrownBy(() -> test.test(SAMPLE, new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current sample is empty");
        assertThatThrownBy(() -> test.test(null, SAMPLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference sample is null");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTests")
    void nanAndInfinityAreRejectedNamingTheSample(NumericDriftTest test) {
        double[] withNan = {0.1, Double.NaN, 0.3, 0.4, 0.5};
        double[] withInf = {0.1, 0.2, Double.POSITIVE_INFINITY, 0.4, 0.5};
        assertThatThrownBy(() -> test.test(SAMPLE, withNan))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current sample")
                .hasMessageContaining("NaN at index 1");
        assertThatThrownBy(() -> test.test(withInf, SAMPLE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference sample")
                .hasMessageContaining("Infinity at index 2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTests")
    void inputsAreNotModified(NumericDriftTest test) {
        double[] reference = SAMPLE.clone();
        double[] current = {5.0, -0.0, 0.0, 3.0, 1.0};
        double[] currentCopy = current.clone();
        test.test(reference, current);
        assertThat(reference).containsExactly(SAMPLE);
        assertThat(current).containsExactly(currentCopy);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTests")
    void allEqualValuesOnBothSidesMeanNoDrift(NumericDriftTest test) {
        DriftResult result = test.test(constant(40, 3.0), constant(25, 3.0));
        assertThat(result.drift()).isFalse();
        assertThat(Double.isNaN(result.statistic())).isFalse();
        switch (test.id()) {
            case ANDERSON -> {
                assertThat(result.statistic()).isZero();
                assertThat(result.pValue()).isEqualTo(0.25);
            }
            case MANN_WHITNEY -> {
                assertThat(result.statistic()).isEqualTo(40 * 25 / 2.0);
                assertThat(result.pValue()).isEqualTo(1.0);
            }
            default -> {
                assertThat(result.statistic()).isZero();
                assertThat(result.pValue()).isIn(1.0, Double.NaN);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTests")
    void identicalSamplesMeanNoDrift(NumericDriftTest test) {
        double[] values = NumericReference.array("norm_200");
        DriftResult result = test.test(values, values.clone());
        assertThat(result.drift()).as(test.id().id()).isFalse();
        if (test.id() == DriftTestId.MMD) {
            assertThat(result.statistic()).isLessThan(0.01);
        } else if (test.id() == DriftTestId.ANDERSON) {
            assertThat(result.pValue()).isEqualTo(0.25);
        } else if (test.id() == DriftTestId.MANN_WHITNEY) {
            assertThat(result.statistic()).isEqualTo(200 * 200 / 2.0);
        } else {
            assertThat(Math.abs(result.statistic())).isLessThan(1e-12);
        }
        if (result.hasPValue() && test.id() != DriftTestId.ANDERSON) {
            assertThat(result.pValue()).isGreaterThan(0.9);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allTests")
    void heavyShiftIsDriftEverywhere(NumericDriftTest test) {
        assertThat(test.test(NumericReference.array("norm_100"), NumericReference.array("norm_100_shift5")).drift())
                .as(test.id().id()).isTrue();
    }

    @Test
    void constantSamplesThatDifferAreCertainDrift() {
        double[] threes = constant(30, 3.0);
        double[] fives = constant(20, 5.0);
        DriftResult t = NumericDriftTests.of(DriftTestId.T_TEST).test(threes, fives);
        assertThat(t.statistic()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(t.pValue()).isZero();
        assertThat(NumericDriftTests.of(DriftTestId.KS).test(threes, fives).statistic()).isEqualTo(1.0);
        assertThat(NumericDriftTests.of(DriftTestId.WASSERSTEIN_RAW).test(threes, fives).statistic()).isEqualTo(2.0);
        assertThat(NumericDriftTests.of(DriftTestId.ENERGY).test(threes, fives).statistic())
                .isCloseTo(2.0, within(1e-15));
        assertThat(NumericDriftTests.of(DriftTestId.ANDERSON).test(threes, fives).pValue()).isEqualTo(0.001);
    }

    @Test
    void normedWassersteinWithConstantReferenceIsTheRawDistance() {
        double[] reference = constant(10, 0.1);
        double[] current = {0.1, 0.1, 0.35, 0.1};
        DriftResult normed = NumericDriftTests.of(DriftTestId.WASSERSTEIN).test(reference, current);
        assertThat(normed.statistic()).isCloseTo(0.0625, within(1e-15));
        assertThat(normed.drift()).isFalse();
        assertThat(NumericDriftTests.of(DriftTestId.WASSERSTEIN).test(reference, constant(3, 0.1)).statistic()).isZero();
        assertThat(NumericDriftTests.of(DriftTestId.WASSERSTEIN).test(reference, constant(3, 0.5)).drift()).isTrue();
    }

    @Test
    void testsNeedingPairsRejectSingleValues() {
        double[] one = {1.0};
        for (DriftTestId id : Set.of(DriftTestId.T_TEST, DriftTestId.CRAMER_VON_MISES, DriftTestId.MMD)) {
            assertThatThrownBy(() -> NumericDriftTests.of(id).test(one, SAMPLE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 values in the reference");
            assertThatThrownBy(() -> NumericDriftTests.of(id).test(SAMPLE, one))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 values in the current");
        }
        assertThatThrownBy(() -> NumericDriftTests.of(DriftTestId.ANDERSON).test(one, new double[] {2.0, 3.0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 4 values in total");
        // the remaining tests accept a single value (as scipy does)
        assertThat(NumericDriftTests.of(DriftTestId.KS).test(one, SAMPLE).hasPValue()).isTrue();
        assertThat(NumericDriftTests.of(DriftTestId.MANN_WHITNEY).test(one, SAMPLE).hasPValue()).isTrue();
    }

    @Test
    void negativeZeroTiesWithZero() {
        DriftResult ks = NumericDriftTests.of(DriftTestId.KS).test(new double[] {-0.0, 1.0}, new double[] {0.0, 1.0});
        assertThat(ks.statistic()).isZero();
        assertThat(ks.pValue()).isEqualTo(1.0);
    }

    @Test
    void andersonPValueIsCappedToTheTable() {
        assertThat(AndersonDarlingTest.pValue(-5)).isEqualTo(0.25);
        assertThat(AndersonDarlingTest.pValue(50)).isEqualTo(0.001);
        assertThat(AndersonDarlingTest.pValue(2.0)).isStrictlyBetween(0.001, 0.25);
    }

    @Test
    void mmdSubsamplesByDeterministicStride() {
        double[] values = new double[2500];
        Arrays.setAll(values, i -> i);
        double[] sub = MmdTest.strideSubsample(values, MmdTest.MAX_SAMPLE_PER_SIDE);
        assertThat(sub).hasSize(MmdTest.MAX_SAMPLE_PER_SIDE);
        assertThat(sub[0]).isZero();
        assertThat(sub[1]).isEqualTo(2.0);
        assertThat(sub[2]).isEqualTo(5.0);
        assertThat(sub[999]).isEqualTo(2497.0);
        assertThat(MmdTest.strideSubsample(SAMPLE, MmdTest.MAX_SAMPLE_PER_SIDE)).isSameAs(SAMPLE);

        double[] current = NumericReference.array("norm_5000_b");
        NumericDriftTest mmd = NumericDriftTests.of(DriftTestId.MMD);
        assertThat(mmd.test(values, current).statistic()).isEqualTo(mmd.test(sub,
                MmdTest.strideSubsample(current, MmdTest.MAX_SAMPLE_PER_SIDE)).statistic());
    }
}
