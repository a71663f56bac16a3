package io.driftwatch.detectors.drift.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ported distribution functions against scipy 1.10 directly (probabilities within 1e-9 absolute). */
class NumericDistributionsReferenceTest {

    private static final double PROBABILITY_ABSOLUTE = 1e-9;

    private static Stream<Arguments> rows(String key) {
        List<Arguments> out = new ArrayList<>();
        NumericReference.root().get("distributions").get(key).forEach(row -> out.add(Arguments.of(row)));
        return out.stream();
    }

    static Stream<Arguments> kstwo() {
        return rows("kstwo_sf");
    }

    static Stream<Arguments> smirnov() {
        return rows("smirnov");
    }

    static Stream<Arguments> cvmLimit() {
        return rows("cvm_limit_cdf");
    }

    static Stream<Arguments> exactPaths() {
        return rows("ks_two_sample_exact");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kstwo")
    void kolmogorovSurvivalMatchesScipyKstwo(JsonNode row) {
        assertThat(KolmogorovDistribution.sf(row.get("x").asDouble(), row.get("n").asDouble()))
                .isCloseTo(row.get("sf").asDouble(), within(PROBABILITY_ABSOLUTE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smirnov")
    void oneSidedSmirnovMatchesScipySpecial(JsonNode row) {
        assertThat(KolmogorovDistribution.smirnov(row.get("n").asInt(), row.get("x").asDouble()))
                .isCloseTo(row.get("sf").asDouble(), within(PROBABILITY_ABSOLUTE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cvmLimit")
    void cramerVonMisesLimitCdfMatchesScipy(JsonNode row) {
        assertThat(CramerVonMisesLimit.cdf(row.get("x").asDouble()))
                .isCloseTo(row.get("cdf").asDouble(), within(PROBABILITY_ABSOLUTE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactPaths")
    void exactTwoSampleProbabilityMatchesScipy(JsonNode row) {
        double p = SmirnovExactPValue.twoSided(row.get("m").asLong(), row.get("n").asLong(), row.get("g").asLong(),
                row.get("h").asLong());
        assertThat(p).isCloseTo(row.get("p").asDouble(), within(PROBABILITY_ABSOLUTE));
    }
}
