package io.driftwatch.detectors.drift.numeric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads {@code reference/numeric_tests.json}, written by {@code src/test/python/gen_numeric_tests.py}. */
final class NumericReference {

    static final String RESOURCE = "/reference/numeric_tests.json";
    private static final JsonNode ROOT = load();

    private NumericReference() {}

    static JsonNode root() {
        return ROOT;
    }

    static double[] array(String name) {
        JsonNode values = ROOT.get("arrays").get(name);
        if (values == null) {
            throw new IllegalArgumentException("no array " + name + " in " + RESOURCE);
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).asDouble();
        }
        return out;
    }

    private static JsonNode load() {
        try (InputStream in = NumericReference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing; run gen_numeric_tests.py");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
