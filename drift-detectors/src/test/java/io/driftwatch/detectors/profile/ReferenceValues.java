package io.driftwatch.detectors.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the expected values written by {@code src/test/python/gen_binned_tests.py} (scipy / numpy /
 * statsmodels) and compares against them: statistics within {@link #STATISTIC_RELATIVE} relative, p-values
 * within {@link #P_VALUE_RELATIVE} relative (both with an absolute floor of {@link #ABSOLUTE_FLOOR} for values
 * that are 0).
 */
public final class ReferenceValues {

    public static final double STATISTIC_RELATIVE = 1e-9;
    public static final double P_VALUE_RELATIVE = 1e-6;
    /** Rounding noise allowed around an expected 0. */
    public static final double ABSOLUTE_FLOOR = 1e-15;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private ReferenceValues() {}

    /** {@code reference/<name>.json} from the test class path. */
    public static JsonNode load(String name) {
        try (InputStream in = ReferenceValues.class.getResourceAsStream("/reference/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource reference/" + name + ".json");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The elements of {@code node.cases} (for parameterised tests). */
    public static List<JsonNode> cases(String name) {
        List<JsonNode> out = new ArrayList<>();
        load(name).get("cases").forEach(out::add);
        return out;
    }

    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    public static long[] longs(JsonNode array) {
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    public static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    public static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    public static void assertStatistic(double actual, double expected, String what) {
        assertClose(actual, expected, STATISTIC_RELATIVE, what);
    }

    public static void assertPValue(double actual, double expected, String what) {
        assertClose(actual, expected, P_VALUE_RELATIVE, what);
    }

    public static void assertStatistics(double[] actual, double[] expected, String what) {
        assertThat(actual).as(what + " length").hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertStatistic(actual[i], expected[i], what + "[" + i + "]");
        }
    }

    private static void assertClose(double actual, double expected, double relative, String what) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
            return;
        }
        if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isEqualTo(expected);
            return;
        }
        double tolerance = Math.max(relative * Math.abs(expected), ABSOLUTE_FLOOR);
        assertThat(actual).as(what + " (expected " + expected + ")").isCloseTo(expected,
                org.assertj.core.data.Offset.offset(tolerance));
    }
}
