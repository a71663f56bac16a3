package io.driftwatch.detectors.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Edge cases, input validation, parameters and memory bounds. */
class DetectorBehaviourTest {

    @ParameterizedTest
    @EnumSource(DetectorId.class)
    void rejectsNonFiniteValuesWithoutChangingState(DetectorId id) {
        ChangeDetector d = ChangeDetectors.create(id);
        d.update(1.0);
        byte[] before = d.toBytes();
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> d.update(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        }
        assertThat(d.toBytes()).isEqualTo(before);
        assertThat(d.inputs()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = DetectorId.class, names = {"DDM", "EDDM"})
    void errorRateDetectorsAcceptOnlyZeroOrOne(DetectorId id) {
        ChangeDetector d = ChangeDetectors.create(id);
        for (double bad : new double[] {0.5, -1.0, 2.0}) {
            assertThatThrownBy(() -> d.update(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0/1");
        }
        assertThat(d.update(0.0)).isEqualTo(Signal.NONE);
        assertThat(d.update(1.0)).isEqualTo(Signal.NONE);
    }

    @ParameterizedTest
    @EnumSource(value = DetectorId.class, names = {"HDDM_A", "HDDM_W"})
    void hoeffdingDetectorsAcceptOnlyTheUnitInterval(DetectorId id) {
        ChangeDetector d = ChangeDetectors.create(id);
        for (double bad : new double[] {-0.001, 1.001, 50.0}) {
            assertThatThrownBy(() -> d.update(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
        }
        assertThat(d.update(0.0)).isEqualTo(Signal.NONE);
        assertThat(d.update(0.5)).isEqualTo(Signal.NONE);
        assertThat(d.update(1.0)).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(value = DetectorId.class, names = {"ADWIN", "PAGE_HINKLEY", "CUSUM"})
    void realValuedDetectorsAcceptAnyFiniteValue(DetectorId id) {
        ChangeDetector d = ChangeDetectors.create(id);
        assertThat(d.update(-1e6)).isEqualTo(Signal.NONE);
        assertThat(d.update(3.5)).isEqualTo(Signal.NONE);
        assertThat(d.inputs()).isEqualTo(2);
    }

    /** All-equal input: no variance, nothing to detect, no warning either. */
    @ParameterizedTest
    @EnumSource(DetectorId.class)
    void constantStreamNeverSignals(DetectorId id) {
        for (double constant : new double[] {0.0, 1.0}) {
            ChangeDetector d = ChangeDetectors.create(id);
            for (int i = 0; i < 5_000; i++) {
                assertThat(d.update(constant)).as("%s on constant %s at %d", id, constant, i).isEqualTo(Signal.NONE);
            }
        }
    }

    /**
     * Below the minimum number of instances even an extreme jump is not signalled; it is at the
     * first value allowed. (DDM's gating is covered by the MOA reference on {@code bernoulli_short}:
     * DDM only records its minimum at the first allowed value.)
     */
    @ParameterizedTest
    @EnumSource(value = DetectorId.class, names = {"PAGE_HINKLEY", "CUSUM"})
    void nothingBeforeMinimumInstances(DetectorId id) {
        ChangeDetector d = ChangeDetectors.create(id);
        // MOA's counter starts at 1, so the test first applies at the (minInstances - 1)-th value.
        int silent = 30 - 2;
        double high = 1_000.0;
        for (int i = 0; i < silent; i++) {
            assertThat(d.update(i < 5 ? 0.0 : high)).as("%s at %d", id, i).isEqualTo(Signal.NONE);
        }
        assertThat(d.update(high)).as("%s once the minimum is reached", id).isEqualTo(Signal.CHANGE);
    }

    @Test
    void pageHinkleySignalsAtTheFirstAllowedValueWhenTheSumIsAlreadyOverLambda() {
        ChangeDetector d = ChangeDetectors.create(new PageHinkleyParams(10, 0.0, 5.0, 1.0));
        int firstSignal = -1;
        for (int i = 0; i < 20 && firstSignal < 0; i++) {
            if (d.update(i < 2 ? 0.0 : 100.0) == Signal.CHANGE) {
                firstSignal = i;
            }
        }
        assertThat(firstSignal).isEqualTo(10 - 2);
    }

    @Test
    void adwinMemoryIsLogarithmicInTheWindow() {
        AdwinDetector adwin = (AdwinDetector) ChangeDetectors.create(DetectorId.ADWIN);
        Random random = new Random(7);
        int n = 1 << 17;
        for (int i = 0; i < n; i++) {
            adwin.update(random.nextDouble() < 0.2 ? 1.0 : 0.0);
        }
        assertThat(adwin.windowLength()).isGreaterThan(n / 2);
        // M buckets per row, one row per doubling of the bucket size.
        int bound = AdwinWindow.MAX_BUCKETS_PER_ROW * (32 - Integer.numberOfLeadingZeros(adwin.windowLength()));
        assertThat(adwin.bucketCount()).isLessThanOrEqualTo(bound).isLessThan(100);
        assertThat(adwin.toBytes().length).isLessThan(2_000);
    }

    @Test
    void adwinShrinksItsWindowAfterAChange() {
        AdwinDetector adwin = (AdwinDetector) ChangeDetectors.create(DetectorId.ADWIN);
        int lengthAtChange = -1;
        for (int i = 0; i < 4_000 && lengthAtChange < 0; i++) {
            if (adwin.update(i < 2_000 ? 0.0 : 1.0) == Signal.CHANGE) {
                lengthAtChange = adwin.windowLength();
            }
        }
        assertThat(lengthAtChange).isPositive().isLessThan(2_000);
    }

    @Test
    void wireIdsAreStableAndParse() {
        assertThat(EnumSet.allOf(DetectorId.class)).extracting(DetectorId::wireId)
                .containsExactly("adwin", "ddm", "eddm", "hddm_a", "hddm_w", "page_hinkley", "cusum");
        assertThat(DetectorId.fromWireId(" HDDM_W ")).isEqualTo(DetectorId.HDDM_W);
        assertThatThrownBy(() -> DetectorId.fromWireId("kswin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page_hinkley");
        assertThatThrownBy(() -> DetectorId.fromWireId(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsAreMoas() {
        assertThat(AdwinParams.defaults()).isEqualTo(new AdwinParams(0.002));
        assertThat(DdmParams.defaults()).isEqualTo(new DdmParams(30, 2.0, 3.0));
        assertThat(EddmParams.defaults()).isEqualTo(new EddmParams(30, 30, 0.95, 0.9));
        assertThat(HddmAParams.defaults()).isEqualTo(new HddmAParams(0.001, 0.005, TestSide.TWO_SIDED));
        assertThat(HddmWParams.defaults()).isEqualTo(new HddmWParams(0.001, 0.005, 0.05, TestSide.ONE_SIDED));
        assertThat(PageHinkleyParams.defaults()).isEqualTo(new PageHinkleyParams(30, 0.005, 50, 0.9999));
        assertThat(CusumParams.defaults()).isEqualTo(new CusumParams(30, 0.005, 50));
        for (DetectorId id : DetectorId.values()) {
            ChangeDetector d = ChangeDetectors.create(id);
            assertThat(d.id()).isEqualTo(id);
            assertThat(d.params().id()).isEqualTo(id);
            assertThat(ChangeDetectors.create(d.params()).params()).isEqualTo(d.params());
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -0.1, Double.NaN})
    void parameterValidationNamesTheParameter(double badProbability) {
        assertThatThrownBy(() -> new AdwinParams(badProbability)).hasMessageContaining("adwin delta");
        assertThatThrownBy(() -> new HddmAParams(badProbability, 0.005, TestSide.ONE_SIDED))
                .hasMessageContaining("driftConfidence");
        assertThatThrownBy(() -> new HddmWParams(0.001, 0.005, badProbability, TestSide.ONE_SIDED))
                .hasMessageContaining("lambda");
    }

    @Test
    void otherParameterValidation() {
        assertThatThrownBy(() -> new DdmParams(0, 2, 3)).hasMessageContaining("minInstances");
        assertThatThrownBy(() -> new DdmParams(30, -2, 3)).hasMessageContaining("warningLevel");
        assertThatThrownBy(() -> new EddmParams(30, 30, 0.9, 0.95)).hasMessageContaining("driftRatio");
        assertThatThrownBy(() -> new HddmAParams(0.001, 0.005, null)).hasMessageContaining("side");
        assertThatThrownBy(() -> new PageHinkleyParams(30, 0.005, 50, 1.5)).hasMessageContaining("alpha");
        assertThatThrownBy(() -> new PageHinkleyParams(30, -1, 50, 0.9)).hasMessageContaining("delta");
        assertThatThrownBy(() -> new CusumParams(30, 0.005, 0)).hasMessageContaining("lambda");
        assertThatThrownBy(() -> ChangeDetectors.create((DetectorParams) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeDetectors.create((DetectorId) null)).isInstanceOf(IllegalArgumentException.class);
    }
}
