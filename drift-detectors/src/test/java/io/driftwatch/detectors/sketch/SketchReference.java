package io.driftwatch.detectors.sketch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One case written by {@code src/test/python/gen_sketch_tests.py}: seeded raw data and the values numpy
 * and scipy computed on it.
 */
record SketchReference(String caseName, List<Double> probs, Stats referenceStats, Stats currentStats,
                       double ksStatistic, double ksPvalueScipyAsymp, double ksPvalueKolmogorovLimit,
                       Map<String, Double> kolmogorovIsfAlpha, double wasserstein, double[] binEdges,
                       long[] binCountsCurrent, double[] reference, double[] current) {

    /** numpy's description of one sample. */
    record Stats(long n, double mean, double varDdof0, double varDdof1, double stdDdof0, double min, double max,
                 double[] quantilesLinear, double[] quantilesInvertedCdf, double[] quantilesLower) {}

    static final List<String> CASES = List.of("normal_same", "normal_shift", "normal_large_shift", "lognormal");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static SketchReference load(String caseName) {
        String resource = "/reference/sketch_" + caseName + ".json";
        try (InputStream in = SketchReference.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            Map<String, Object> raw = MAPPER.readValue(in, new TypeReference<Map<String, Object>>() {});
            raw.put("case_name", raw.remove("case"));
            return MAPPER.convertValue(raw, SketchReference.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<SketchReference> all() {
        return CASES.stream().map(SketchReference::load);
    }

    double[] probsArray() {
        return probs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static QuantileSketch sketchOf(double[] values) {
        QuantileSketch sketch = new QuantileSketch();
        for (double value : values) {
            sketch.add(value);
        }
        return sketch;
    }

    /** Fraction of {@code sorted} strictly below {@code x} and at most {@code x}: the rank interval of x. */
    static double[] rankInterval(double[] sorted, double x) {
        int below = 0;
        int atMost = 0;
        for (double v : sorted) {
            if (v < x) {
                below++;
            }
            if (v <= x) {
                atMost++;
            }
        }
        return new double[] {(double) below / sorted.length, (double) atMost / sorted.length};
    }

    static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    @Override
    public String toString() {
        return caseName;
    }
}
