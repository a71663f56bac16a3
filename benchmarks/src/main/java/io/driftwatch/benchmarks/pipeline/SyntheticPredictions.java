package io.driftwatch.benchmarks.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic prediction events (JSON per the {@code schemas} prediction contract) for the pipeline
 * throughput harness: {@value #NUMERIC_FEATURES} numeric and {@value #CATEGORICAL_FEATURES} categorical
 * features, models x {@link #COUNTRIES} series (by default {@link #DEFAULT_MODELS}), event times evenly spread over
 * {@value #SIMULATED_WINDOWS} windows of {@code windowMillis} so every window closes when the bounded input ends.
 * Not thread-safe: one instance per producing thread.
 */
final class SyntheticPredictions {

    static final int NUMERIC_FEATURES = 14;
    static final int CATEGORICAL_FEATURES = 6;
    static final List<String> DEFAULT_MODELS = List.of("fraud", "credit");
    /** The segment values (segment key {@code country}): with the default 2 models, 6 keyed series. */
    static final List<String> COUNTRIES = List.of("DE", "FR", "IT");
    /** Windows the simulated event time spans: enough that rolling baselines produce drift rows. */
    static final int SIMULATED_WINDOWS = 10;
    /** Categories per categorical feature (a realistic small vocabulary, e.g. channel or merchant group). */
    private static final int CATEGORIES = 8;
    private static final long BASE_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final String VERSION = "v1";

    private final List<String> models;
    private final SplittableRandom random;
    private final long total;
    private final long windowMillis;
    private final StringBuilder json = new StringBuilder(1024);

    SyntheticPredictions(long seed, long total, long windowMillis) {
        this(seed, total, windowMillis, DEFAULT_MODELS);
    }

    SyntheticPredictions(long seed, long total, long windowMillis, List<String> models) {
        if (total <= 0 || windowMillis <= 0) {
            throw new IllegalArgumentException("total and windowMillis must be positive: " + total + ", " + windowMillis);
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("at least one model");
        }
        this.models = List.copyOf(models);
        this.random = new SplittableRandom(seed);
        this.total = total;
        this.windowMillis = windowMillis;
    }

    /** {@code count} model names: the default pair for 2, else {@code model-000}, {@code model-001}, ... */
    static List<String> models(int count) {
        if (count == DEFAULT_MODELS.size()) {
            return DEFAULT_MODELS;
        }
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> String.format("model-%03d", i)).toList();
    }

    /** The {@code seq}-th event (0-based, {@code seq < total}); times are non-decreasing in {@code seq}. */
    byte[] event(long seq) {
        long time = BASE_MILLIS + Math.floorDiv(seq * SIMULATED_WINDOWS * windowMillis, total);
        String model = models.get((int) (seq % models.size()));
        String country = COUNTRIES.get((int) ((seq / models.size()) % COUNTRIES.size()));
        json.setLength(0);
        json.append("{\"schema_version\":1,\"prediction_id\":\"p-").append(seq)
                .append("\",\"model_id\":\"").append(model).append("\",\"model_version\":\"").append(VERSION)
                .append("\",\"timestamp\":\"").append(Instant.ofEpochMilli(time)).append("\",\"features\":{");
        for (int f = 0; f < NUMERIC_FEATURES; f++) {
            // Each feature its own location and scale so bins differ; values rounded like real payloads.
            double value = f * 10.0 + (f + 1) * gaussian();
            json.append("\"num_").append(f).append("\":").append(Math.round(value * 1e4) / 1e4).append(',');
        }
        for (int c = 0; c < CATEGORICAL_FEATURES; c++) {
            // Skewed categories: the minimum of two uniforms favours low ids, as real category mixes do.
            int category = Math.min(random.nextInt(CATEGORIES), random.nextInt(CATEGORIES));
            json.append("\"cat_").append(c).append("\":\"v").append(category).append('"');
            json.append(c + 1 < CATEGORICAL_FEATURES ? ',' : '}');
        }
        json.append(",\"score\":").append(Math.round(random.nextDouble() * 1e6) / 1e6)
                .append(",\"latency_ms\":").append(Math.round(Math.exp(2.0 + 0.5 * gaussian()) * 100) / 100.0)
                .append(",\"segment\":{\"country\":\"").append(country).append("\"}}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A standard normal value (Box-Muller; SplittableRandom has no nextGaussian on Java 17). */
    private double gaussian() {
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * random.nextDouble());
    }
}
