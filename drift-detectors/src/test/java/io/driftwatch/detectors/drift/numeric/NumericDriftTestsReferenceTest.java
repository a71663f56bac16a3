package io.driftwatch.detectors.drift.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.Polarity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (case, test) pair of numeric_tests.json against scipy 1.10: statistics within 1e-9 relative (1e-12
 * absolute near 0), p-values within 1e-6 absolute, decision as the polarity says.
 */
class NumericDriftTestsReferenceTest {

    private static final double STAT_RELATIVE = 1e-9;
    private static final double STAT_ABSOLUTE_NEAR_ZERO = 1e-12;
    private static final double P_ABSOLUTE = 1e-6;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : NumericReference.root().get("cases")) {
            for (Map.Entry<String, JsonNode> t : c.get("results").properties()) {
                out.add(Arguments.of(c.get("name").asText() + " / " + t.getKey(), c.get("reference").asText(),
                        c.get("current").asText(), DriftTestId.fromId(t.getKey()), t.getValue()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScipy(String name, String referenceArray, String currentArray, DriftTestId id, JsonNode expected) {
        double[] reference = NumericReference.array(referenceArray);
        double[] current = NumericReference.array(currentArray);
        DriftResult result = NumericDriftTests.of(id).test(reference, current);

        double statistic = expected.get("statistic").asDouble();
        double tolerance = Math.max(STAT_ABSOLUTE_NEAR_ZERO, STAT_RELATIVE * Math.abs(statistic));
        assertThat(result.statistic()).as("statistic").isCloseTo(statistic, within(tolerance));
        assertThat(result.test()).isEqualTo(id);
        assertThat(result.threshold()).isEqualTo(id.defaultThreshold());
        assertThat(result.errorBound()).isZero();
        if (expected.has("pvalue")) {
            double p = expected.get("pvalue").asDouble();
            assertThat(result.pValue()).as("p-value").isCloseTo(p, within(P_ABSOLUTE));
            assertThat(result.drift()).as("drift").isEqualTo(result.pValue() < id.defaultThreshold());
        } else {
            assertThat(result.hasPValue()).isFalse();
            assertThat(result.drift()).as("drift").isEqualTo(result.statistic() >= id.defaultThreshold());
        }
    }

    @Test
    void referencesComeFromDebianScipy110AndCoverEveryNumericTest() {
        assertThat(NumericReference.root().get("scipy_version").asText()).startsWith("1.10.");
        assertThat(NumericReference.root().get("mmd_max_sample_per_side").asInt()).isEqualTo(MmdTest.MAX_SAMPLE_PER_SIDE);
        assertThat(cases().map(a -> (DriftTestId) a.get()[3]).distinct()).containsExactlyInAnyOrderElementsOf(
                NumericDriftTests.supported());
    }

    @Test
    void everyKsBranchIsCovered() {
        List<String> branches = new ArrayList<>();
        NumericReference.root().get("cases").forEach(c -> branches.add(c.get("results").get("ks").get("branch").asText()));
        assertThat(branches).contains("exact-square", "exact-inside", "asymp-dmtw", "asymp-pomeranz",
                "asymp-pelz-good", "asymp-smirnov");
    }

    @Test
    void decisionsAtNonDefaultThresholdFollowPolarity() {
        double[] reference = NumericReference.array("norm_200");
        double[] current = NumericReference.array("norm_150_shift05");
        for (DriftTestId id : NumericDriftTests.supported()) {
            DriftResult result = NumericDriftTests.of(id).test(reference, current, 1e-300);
            assertThat(result.threshold()).isEqualTo(1e-300);
            boolean expected = id.polarity() == Polarity.P_VALUE ? result.pValue() < 1e-300 : result.statistic() >= 1e-300;
            assertThat(result.drift()).as(id.id()).isEqualTo(expected);
        }
    }
}
