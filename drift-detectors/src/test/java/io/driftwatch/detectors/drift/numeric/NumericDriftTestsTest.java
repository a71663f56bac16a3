package io.driftwatch.detectors.drift.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.detectors.drift.DriftTestId;

import org.junit.jupiter.api.Test;

class NumericDriftTestsTest {

    @Test
    void looksUpEveryNumericTestByItsOwnId() {
        assertThat(NumericDriftTests.supported()).containsExactlyInAnyOrder(DriftTestId.KS, DriftTestId.CRAMER_VON_MISES,
                DriftTestId.ANDERSON, DriftTestId.MANN_WHITNEY, DriftTestId.T_TEST, DriftTestId.ENERGY,
                DriftTestId.WASSERSTEIN_RAW, DriftTestId.WASSERSTEIN, DriftTestId.MMD);
        for (DriftTestId id : NumericDriftTests.supported()) {
            assertThat(NumericDriftTests.of(id).id()).isEqualTo(id);
            assertThat(NumericDriftTests.of(id)).isSameAs(NumericDriftTests.of(id));
        }
    }

    @Test
    void rejectsTestsThatAreNotOnRawNumericValues() {
        assertThatThrownBy(() -> NumericDriftTests.of(DriftTestId.PSI))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'psi' is not a numeric")
                .hasMessageContaining("ks");
    }

    @Test
    void lookupIsImmutable() {
        assertThatThrownBy(() -> NumericDriftTests.supported().remove(DriftTestId.KS))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void defaultThresholdComesFromTheId() {
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {2, 3, 4, 5, 6};
        for (DriftTestId id : NumericDriftTests.supported()) {
            assertThat(NumericDriftTests.of(id).test(a, b).threshold()).isEqualTo(id.defaultThreshold());
        }
    }
}
