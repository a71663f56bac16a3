package io.driftwatch.detectors.performance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** Reads the sklearn/numpy reference cases written by src/test/python/gen_performance.py. */
final class Reference {
    /** House rule: statistics within 1e-9 relative of sklearn. */
    static final double RELATIVE_TOLERANCE = 1e-9;

    private Reference() {}

    static Stream<Named<JsonNode>> cases(String resource) {
        try (InputStream in = Reference.class.getResourceAsStream("/reference/" + resource)) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Named<JsonNode>> cases = new ArrayList<>();
            root.get("cases").forEach(c -> cases.add(Named.of(c.get("name").asText(), c)));
            return cases.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double number(JsonNode node) {
        return node == null || node.isNull() ? Double.NaN : node.asDouble();
    }

    static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    static double[][] matrix(JsonNode rows) {
        double[][] values = new double[rows.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = doubles(rows.get(i));
        }
        return values;
    }

    /** Equal within {@link #RELATIVE_TOLERANCE} relative; NaN expected means NaN required. */
    static void assertClose(String what, double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs " + expected)
                    .isLessThanOrEqualTo(RELATIVE_TOLERANCE * Math.abs(expected));
        }
    }

    static void assertClose(String what, double actual, JsonNode expected) {
        assertClose(what, actual, number(expected));
    }
}
