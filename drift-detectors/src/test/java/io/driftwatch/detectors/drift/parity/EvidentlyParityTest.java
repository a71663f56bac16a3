package io.driftwatch.detectors.drift.parity;

import static io.driftwatch.detectors.profile.ReferenceValues.assertPValue;
import static io.driftwatch.detectors.profile.ReferenceValues.assertStatistic;
import static io.driftwatch.detectors.profile.ReferenceValues.assertStatistics;
import static io.driftwatch.detectors.profile.ReferenceValues.doubles;
import static io.driftwatch.detectors.profile.ReferenceValues.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.binned.LogBase;
import io.driftwatch.detectors.profile.ReferenceValues;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Test choice, binning and histogram tests against a pandas/scipy transcription of Evidently 0.4.x. */
class EvidentlyParityTest {

    static List<JsonNode> cases() {
        return ReferenceValues.cases("parity");
    }

    private static boolean numeric(JsonNode c) {
        return EvidentlyFeatureType.valueOf(c.get("type").asText()) == EvidentlyFeatureType.NUMERIC;
    }

    private static ParityDecision decide(JsonNode c) {
        return numeric(c)
                ? EvidentlyDefaultTest.forNumeric(doubles(c.get("reference")), doubles(c.get("current")))
                : EvidentlyDefaultTest.forCategorical(strings(c.get("reference")), strings(c.get("current")));
    }

    private static BinnedColumns bin(JsonNode c) {
        return numeric(c)
                ? EvidentlyBinnedData.numeric(doubles(c.get("reference")), doubles(c.get("current")))
                : EvidentlyBinnedData.categorical(strings(c.get("reference")), strings(c.get("current")));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void decisionMatchesEvidently(JsonNode c) {
        ParityDecision decision = decide(c);
        DriftTestId expected = DriftTestId.fromId(c.get("decision").get("test").asText());
        assertThat(decision.test()).as(c.get("name").asText()).isEqualTo(expected);
        assertThat(decision.threshold()).isEqualTo(c.get("decision").get("threshold").asDouble());
        ParityBinning binning = switch (expected) {
            case KS, WASSERSTEIN -> ParityBinning.RAW_VALUES;
            case JENSEN_SHANNON -> ParityBinning.valueOf(c.get("binning").asText());
            default -> ParityBinning.ONE_BIN_PER_VALUE;
        };
        assertThat(decision.binning()).isEqualTo(binning);
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void binningAndJensenShannonMatchEvidently(JsonNode c) {
        String name = c.get("name").asText();
        BinnedColumns binned = bin(c);
        assertThat(binned.binning()).isEqualTo(ParityBinning.valueOf(c.get("binning").asText()));
        assertStatistics(binned.referenceProportions(EmptyBinFill.NONE), doubles(c.get("referenceProportions")),
                name + " reference proportions");
        assertStatistics(binned.currentProportions(EmptyBinFill.NONE), doubles(c.get("currentProportions")),
                name + " current proportions");
        assertStatistics(binned.referenceProportions(EmptyBinFill.EVIDENTLY), doubles(c.get("referenceFilled")),
                name + " filled reference");
        assertStatistics(binned.currentProportions(EmptyBinFill.EVIDENTLY), doubles(c.get("currentFilled")),
                name + " filled current");
        assertStatistic(EvidentlyParityTests.jensenShannon(binned, 0.1, LogBase.TWO).statistic(),
                c.get("jensenshannon_base2").asDouble(), name + " JS base 2");
        assertStatistic(EvidentlyParityTests.jensenShannon(binned, 0.1, LogBase.E).statistic(),
                c.get("jensenshannon_e").asDouble(), name + " JS base e");
        assertStatistic(EvidentlyParityTests.psi(binned, 0.1, EmptyBinFill.EVIDENTLY).statistic(),
                c.get("psi").asDouble(), name + " PSI");
        assertStatistic(EvidentlyParityTests.klDiv(binned, 0.1, EmptyBinFill.EVIDENTLY).statistic(),
                c.get("kl_div").asDouble(), name + " KL");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void histogramTestsMatchEvidently(JsonNode c) {
        String name = c.get("name").asText();
        BinnedColumns binned = bin(c);
        if (c.has("chisquare")) {
            DriftResult chi = EvidentlyParityTests.chiSquareGoodnessOfFit(binned, 0.05);
            assertStatistic(chi.statistic(), c.get("chisquare").get("statistic").asDouble(), name + " chi2");
            assertPValue(chi.pValue(), c.get("chisquare").get("pValue").asDouble(), name + " chi2 p");
        }
        if (c.has("z")) {
            DriftResult z = EvidentlyParityTests.zTest(binned, 0.05);
            assertStatistic(z.statistic(), c.get("z").get("statistic").asDouble(), name + " z");
            assertPValue(z.pValue(), c.get("z").get("pValue").asDouble(), name + " z p");
        }
        ParityDecision decision = decide(c);
        if (decision.test() == DriftTestId.KS || decision.test() == DriftTestId.WASSERSTEIN) {
            assertThatThrownBy(() -> run(decision, c)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("drift.numeric");
        } else {
            DriftResult result = run(decision, c);
            assertThat(result.test()).isEqualTo(decision.test());
            assertThat(result.threshold()).isEqualTo(decision.threshold());
            double decisive = result.hasPValue() ? result.pValue() : result.statistic();
            String key = switch (decision.test()) {
                case JENSEN_SHANNON -> "jensenshannon_base2";
                case CHI_SQUARE -> "chisquare";
                default -> "z";
            };
            double expected = c.get(key).isObject() ? c.get(key).get("pValue").asDouble() : c.get(key).asDouble();
            assertPValue(decisive, expected, name + " run");
        }
    }

    private static DriftResult run(ParityDecision decision, JsonNode c) {
        return numeric(c)
                ? EvidentlyParityTests.run(decision, doubles(c.get("reference")), doubles(c.get("current")))
                : EvidentlyParityTests.run(decision, strings(c.get("reference")), strings(c.get("current")));
    }

    @Test
    void referenceSizeBoundaryIsInclusiveAt1000Rows() {
        double[] cur = {1, 2, 3, 4, 5, 6, 7};
        double[] small = new double[EvidentlyDefaultTest.SMALL_REFERENCE_ROWS];
        double[] large = new double[EvidentlyDefaultTest.SMALL_REFERENCE_ROWS + 1];
        for (int i = 0; i < large.length; i++) {
            large[i] = i;
            if (i < small.length) {
                small[i] = i;
            }
        }
        assertThat(EvidentlyDefaultTest.forNumeric(small, cur).test()).isEqualTo(DriftTestId.KS);
        assertThat(EvidentlyDefaultTest.forNumeric(large, cur).test()).isEqualTo(DriftTestId.WASSERSTEIN);
    }

    @Test
    void singleValueEverywhereIsAZTestWithoutDrift() {
        List<String> same = List.of("a", "a", "a");
        ParityDecision decision = EvidentlyDefaultTest.forCategorical(same, List.of("a"));
        assertThat(decision.test()).isEqualTo(DriftTestId.Z);
        DriftResult result = EvidentlyParityTests.run(decision, same, List.of("a"));
        assertThat(result.pValue()).isEqualTo(1.0);
        assertThat(result.drift()).isFalse();
    }

    @Test
    void emptyBinFillRules() {
        double[] p = {0.5, 0.0, 0.5};
        assertThat(EmptyBinFill.NONE.apply(p)).containsExactly(0.5, 0.0, 0.5);
        assertThat(EmptyBinFill.FIXED.apply(p)).containsExactly(0.5, EmptyBinFill.FILL_PROPORTION, 0.5);
        assertThat(EmptyBinFill.EVIDENTLY.apply(new double[] {0.99995, 0, 0.00005}))
                .containsExactly(0.99995, 0.00005 / EmptyBinFill.SMALL_FILL_DIVISOR, 0.00005);
    }

    @Test
    void missingValuesAndEmptyColumnsAreRejected() {
        assertThatThrownBy(() -> EvidentlyDefaultTest.forNumeric(new double[] {1, Double.NaN}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> EvidentlyDefaultTest.forNumeric(new double[] {1}, new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("current column is empty");
        assertThatThrownBy(() -> EvidentlyBinnedData.categorical(java.util.Arrays.asList("a", null), List.of("a")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }
}
