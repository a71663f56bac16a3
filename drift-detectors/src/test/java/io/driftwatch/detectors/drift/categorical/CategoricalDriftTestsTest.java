package io.driftwatch.detectors.drift.categorical;

import static io.driftwatch.detectors.profile.ReferenceValues.assertPValue;
import static io.driftwatch.detectors.profile.ReferenceValues.assertStatistic;
import static io.driftwatch.detectors.profile.ReferenceValues.counts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.binned.DivergenceOptions;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.ReferenceValues;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Categorical tests against {@code scipy.stats.chi2_contingency} / {@code fisher_exact} / statsmodels' z. */
class CategoricalDriftTestsTest {

    static List<JsonNode> cases() {
        return ReferenceValues.cases("categorical");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void matchesScipy(JsonNode c) {
        Map<String, Long> ref = counts(c.get("reference"));
        Map<String, Long> cur = counts(c.get("current"));
        String name = c.get("name").asText();
        assertThat(CategoryTable.align(ref, cur).categories()).containsExactlyElementsOf(
                ReferenceValues.strings(c.get("categories")));
        c.get("expected").properties().forEach(e -> {
            DriftTestId id = DriftTestId.fromId(e.getKey());
            DriftResult result = CategoricalDriftTests.test(id, ref, cur);
            JsonNode expected = e.getValue();
            assertStatistic(result.statistic(), expected.get("statistic").asDouble(), name + " " + id + " statistic");
            if (expected.has("pValue")) {
                assertPValue(result.pValue(), expected.get("pValue").asDouble(), name + " " + id + " p");
                assertThat(result.drift()).isEqualTo(result.pValue() < id.defaultThreshold());
            } else {
                assertThat(result.hasPValue()).isFalse();
            }
        });
    }

    @Test
    void categoriesMissingOnOneSideAndAbsentFromBoth() {
        Map<String, Long> ref = new HashMap<>(Map.of("a", 5L, "b", 0L, "c", 3L));
        Map<String, Long> cur = Map.of("a", 2L, "d", 4L);
        CategoryTable table = CategoryTable.align(ref, cur);
        assertThat(table.categories()).containsExactly("a", "c", "d");
        assertThat(table.reference()).containsExactly(5, 3, 0);
        assertThat(table.current()).containsExactly(2, 0, 4);
        // PSI stays finite thanks to the proportion floor
        assertThat(CategoricalDriftTests.test(DriftTestId.PSI, ref, cur).statistic()).isFinite().isPositive();
    }

    @Test
    void oneCategoryOnlyMeansNoDrift() {
        Map<String, Long> one = Map.of("only", 10L);
        for (DriftTestId id : CategoricalDriftTests.SUPPORTED) {
            DriftResult result = CategoricalDriftTests.test(id, one, Map.of("only", 3L));
            assertThat(result.drift()).as(id.id()).isFalse();
            if (result.hasPValue()) {
                assertThat(result.pValue()).as(id.id()).isEqualTo(1.0);
            } else {
                assertThat(result.statistic()).as(id.id()).isZero();
            }
        }
    }

    @Test
    void emptyWindowsAndBadCountsAreRejected() {
        Map<String, Long> ref = Map.of("a", 5L, "b", 3L);
        assertThatThrownBy(() -> CategoricalDriftTests.test(DriftTestId.CHI_SQUARE, ref, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current window is empty");
        assertThatThrownBy(() -> CategoricalDriftTests.test(DriftTestId.TVD, ref, Map.of("a", 0L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current window is empty");
        assertThatThrownBy(() -> CategoricalDriftTests.test(DriftTestId.TVD, ref, Map.of("a", -2L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid count");
    }

    @Test
    void binaryOnlyTestsRejectMoreCategories() {
        Map<String, Long> three = Map.of("a", 5L, "b", 3L, "c", 1L);
        assertThatThrownBy(() -> CategoricalDriftTests.test(DriftTestId.Z, three, three))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> CategoricalDriftTests.test(DriftTestId.FISHER_EXACT, three, three))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 x 2");
        assertThatThrownBy(() -> CategoricalDriftTests.test(DriftTestId.KS, three, three))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a categorical test");
    }

    @Test
    void profileOverloadAndCustomThreshold() {
        CategoricalProfile profile = CategoricalProfile.of(Map.of("no", 700L, "yes", 300L));
        Map<String, Long> cur = Map.of("no", 550L, "yes", 450L);
        assertThat(CategoricalDriftTests.test(DriftTestId.CHI_SQUARE, profile, cur).drift()).isTrue();
        DriftResult strict = CategoricalDriftTests.test(DriftTestId.TVD, profile.counts(), cur, 0.5,
                DivergenceOptions.DEFAULT);
        assertThat(strict.statistic()).isCloseTo(0.15, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(strict.drift()).isFalse();
    }
}
