package io.driftwatch.detectors.drift.binned;

import static io.driftwatch.detectors.profile.ReferenceValues.assertStatistic;
import static io.driftwatch.detectors.profile.ReferenceValues.doubles;
import static io.driftwatch.detectors.profile.ReferenceValues.longs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.profile.ReferenceValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Divergences against numpy / {@code scipy.spatial.distance.jensenshannon} / {@code scipy.stats.entropy}. */
class HistogramDivergenceTest {

    private static final Map<String, HistogramDivergence> EXPECTED_KEYS = Map.of(
            "psi", HistogramDivergence.PSI,
            "jensenshannon_base2", HistogramDivergence.JENSEN_SHANNON,
            "hellinger", HistogramDivergence.HELLINGER,
            "kl_div", HistogramDivergence.KL_DIV,
            "tvd", HistogramDivergence.TVD,
            "linf", HistogramDivergence.LINF);

    static List<JsonNode> cases() {
        return ReferenceValues.cases("divergences");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void divergencesMatchScipy(JsonNode c) {
        double[] ref = doubles(c.get("reference"));
        double[] cur = doubles(c.get("current"));
        DivergenceOptions options = DivergenceOptions.DEFAULT.withProportionFloor(c.get("floor").asDouble());
        JsonNode expected = c.get("expected");
        String name = c.get("name").asText();
        EXPECTED_KEYS.forEach((key, divergence) -> assertStatistic(divergence.distance(ref, cur, options),
                expected.get(key).asDouble(), name + " " + key));
        assertStatistic(HistogramDivergence.JENSEN_SHANNON.distance(ref, cur, options.withJsLogBase(LogBase.E)),
                expected.get("jensenshannon_e").asDouble(), name + " jensenshannon_e");
    }

    static List<JsonNode> defaultFloorCases() {
        return cases().stream()
                .filter(c -> c.get("floor").asDouble() == DivergenceOptions.DEFAULT_PROPORTION_FLOOR).toList();
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("defaultFloorCases")
    void longCountsGiveTheSameResult(JsonNode c) {
        long[] ref = longs(c.get("reference"));
        long[] cur = longs(c.get("current"));
        for (HistogramDivergence d : HistogramDivergence.values()) {
            assertThat(d.test(ref, cur).statistic()).isEqualTo(d.distance(doubles(c.get("reference")),
                    doubles(c.get("current"))));
        }
    }

    @ParameterizedTest
    @EnumSource(HistogramDivergence.class)
    void identicalHistogramsAreAtDistanceZeroAndDriftIsDecidedOnTheThreshold(HistogramDivergence d) {
        double[] counts = {5, 0, 3, 2};
        DriftResult same = d.test(counts, new double[] {10, 0, 6, 4});
        assertThat(same.statistic()).isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(same.drift()).isFalse();
        assertThat(same.hasPValue()).isFalse();
        assertThat(same.test()).isEqualTo(d.testId());
        assertThat(same.threshold()).isEqualTo(d.testId().defaultThreshold());
        assertThat(same.errorBound()).isZero();

        DriftResult moved = d.test(counts, new double[] {0, 9, 0, 1}, 0.05, DivergenceOptions.DEFAULT);
        assertThat(moved.drift()).isTrue();
        assertThat(moved.threshold()).isEqualTo(0.05);
    }

    @Test
    void emptyCurrentWindowIsRejected() {
        assertThatThrownBy(() -> HistogramDivergence.PSI.test(new long[] {1, 2}, new long[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current window is empty");
    }

    @Test
    void badCountsAreRejected() {
        assertThatThrownBy(() -> HistogramDivergence.TVD.distance(new double[] {1, Double.NaN}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> HistogramDivergence.TVD.distance(new double[] {1, -1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-negative");
        assertThatThrownBy(() -> HistogramDivergence.TVD.distance(new double[] {1, 1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bins");
        assertThatThrownBy(() -> HistogramDivergence.TVD.distance(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no bins");
        assertThatThrownBy(() -> new DivergenceOptions(0, LogBase.TWO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lookupByTestId() {
        assertThat(HistogramDivergence.of(DriftTestId.KL_DIV)).isEqualTo(HistogramDivergence.KL_DIV);
        assertThatThrownBy(() -> HistogramDivergence.of(DriftTestId.KS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ks");
    }

    @Test
    void klIsDirectedReferenceToCurrent() {
        double[] ref = {90, 10};
        double[] cur = {50, 50};
        double forward = 0.9 * Math.log(0.9 / 0.5) + 0.1 * Math.log(0.1 / 0.5);
        assertThat(HistogramDivergence.KL_DIV.distance(ref, cur)).isCloseTo(forward,
                org.assertj.core.data.Offset.offset(1e-15));
        assertThat(HistogramDivergence.KL_DIV.distance(cur, ref)).isNotCloseTo(forward,
                org.assertj.core.data.Offset.offset(1e-3));
    }
}
