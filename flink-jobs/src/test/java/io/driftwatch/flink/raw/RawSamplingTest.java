package io.driftwatch.flink.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** {@link RawSampling} against {@code src/test/python/gen_raw_sampling.py}'s independent implementation. */
class RawSamplingTest {

    /** Ids drawn for the rate check: enough that 5 standard deviations of the kept count stay small. */
    private static final int IDS = 100_000;
    private static final double RATE = 0.1;
    /** Binomial(n, p) standard deviation; 5 of them bound the kept count of a hash that is uniform. */
    private static final double SIGMAS = 5;

    private static JsonNode reference() throws IOException {
        try (InputStream in = RawSamplingTest.class.getResourceAsStream("/reference/raw_sampling.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void hashFractionAndDecisionEqualPythonsExactly() throws IOException {
        JsonNode reference = reference();
        JsonNode rates = reference.get("rates");
        assertThat(reference.get("cases").size()).isGreaterThan(80);
        for (JsonNode c : reference.get("cases")) {
            String id = c.get("id").asText();
            assertThat(Long.toUnsignedString(RawSampling.hash(id))).as(id).isEqualTo(c.get("hash").asText());
            assertThat(RawSampling.fraction(id)).as(id).isEqualTo(Double.parseDouble(c.get("fraction").asText()));
            for (int r = 0; r < rates.size(); r++) {
                assertThat(RawSampling.keeps(id, rates.get(r).asDouble())).as(id + " at " + rates.get(r))
                        .isEqualTo(c.get("kept").get(r).asBoolean());
            }
        }
    }

    @Test
    void keptShareIsTheRateAndHigherRatesOnlyAdd() {
        int kept = 0;
        for (int i = 0; i < IDS; i++) {
            String id = "pred-" + i;
            boolean atRate = RawSampling.keeps(id, RATE);
            if (atRate) {
                kept++;
                assertThat(RawSampling.keeps(id, 2 * RATE)).as("monotone in the rate").isTrue();
            }
        }
        double sd = Math.sqrt(IDS * RATE * (1 - RATE));
        assertThat((double) kept).isBetween(IDS * RATE - SIGMAS * sd, IDS * RATE + SIGMAS * sd);
    }

    @Test
    void edgeRatesAndBadInput() {
        assertThat(RawSampling.keeps("any", 0.0)).isFalse();
        assertThat(RawSampling.keeps("any", 1.0)).isTrue();
        assertThat(RawSampling.fraction("")).isBetween(0.0, 1.0);
        assertThatThrownBy(() -> RawSampling.keeps("x", 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> RawSampling.keeps("x", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RawSampling.hash(null)).isInstanceOf(NullPointerException.class);
    }
}
