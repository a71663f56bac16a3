package io.driftwatch.detectors.drift.multiple;

import static io.driftwatch.detectors.profile.ReferenceValues.assertPValue;
import static io.driftwatch.detectors.profile.ReferenceValues.doubles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.detectors.profile.ReferenceValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Against {@code statsmodels.stats.multitest.multipletests} ('bonferroni', 'fdr_bh'). */
class PValueCorrectionTest {

    private static final Map<String, PValueCorrection> KEYS = Map.of(
            "bonferroni", PValueCorrection.BONFERRONI,
            "benjamini_hochberg", PValueCorrection.BENJAMINI_HOCHBERG);

    static List<JsonNode> cases() {
        return ReferenceValues.cases("multiple");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void matchesStatsmodels(JsonNode c) {
        double[] p = doubles(c.get("pValues"));
        double alpha = c.get("alpha").asDouble();
        KEYS.forEach((key, correction) -> {
            String what = c.get("name").asText() + " " + key + " alpha " + alpha;
            AdjustedPValues result = correction.adjust(p, alpha);
            JsonNode expected = c.get(key);
            double[] adjusted = doubles(expected.get("adjusted"));
            for (int i = 0; i < p.length; i++) {
                assertPValue(result.adjusted()[i], adjusted[i], what + " adjusted[" + i + "]");
                assertThat(result.reject()[i]).as(what + " reject[" + i + "]")
                        .isEqualTo(expected.get("reject").get(i).asBoolean());
            }
            assertThat(result.alpha()).isEqualTo(alpha);
        });
    }

    @Test
    void benjaminiHochbergRejectsMoreThanBonferroniOnTheStepUpExample() {
        double[] p = {0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205};
        assertThat(PValueCorrection.BONFERRONI.adjust(p, 0.05).rejectedCount()).isEqualTo(1);
        assertThat(PValueCorrection.BENJAMINI_HOCHBERG.adjust(p, 0.05).rejectedCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(PValueCorrection.class)
    void emptyListGivesEmptyResult(PValueCorrection correction) {
        AdjustedPValues result = correction.adjust(new double[0], 0.05);
        assertThat(result.size()).isZero();
        assertThat(result.rejectedCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(PValueCorrection.class)
    void badInputIsRejected(PValueCorrection correction) {
        assertThatThrownBy(() -> correction.adjust(new double[] {0.1, Double.NaN}, 0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p-value 1 is NaN");
        assertThatThrownBy(() -> correction.adjust(new double[] {1.5}, 0.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> correction.adjust(new double[] {0.5}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
    }

    @Test
    void inputIsNotModified() {
        double[] p = {0.3, 0.01, 0.2};
        PValueCorrection.BENJAMINI_HOCHBERG.adjust(p, 0.05);
        assertThat(p).containsExactly(0.3, 0.01, 0.2);
    }
}
