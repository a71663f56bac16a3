package io.driftwatch.flink.reliability;

import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic prediction input for the failure scenarios, in chunks the tests produce one at a time:
 * {@value #MODELS_COUNT} models x {@value #COUNTRIES_COUNT} segments, {@value #PER_WINDOW} events per key and
 * window (fewer than KLL's k = 200, so every sketch is exact and a replay gives bit-identical rows), in event-time
 * order per partition, with a few malformed records per chunk (dead letters). The amount of segment FR drifts by
 * {@value #DRIFT_SHIFT} standard deviations in windows [{@value #DRIFT_FROM_WINDOW}, {@value #DRIFT_UNTIL_WINDOW})
 * and returns, so a drift alert fires and resolves. The last chunk ends with one sentinel event per partition
 * {@value #SENTINEL_AFTER_DATA_MILLIS} ms past the data (past every label of {@link LabelledWorkload} and its
 * pending wait), which moves the watermark past every data window and label timer; the sentinel's own window
 * never fires in an unbounded job, so clean and disturbed runs see the same rows. Every valid prediction is kept
 * ({@link #predictions()}) for the labels.
 */
final class Workload {

    static final int PARTITIONS = 2;
    static final long WINDOW_MILLIS = 10_000;
    static final long BASE = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    static final int WINDOWS = 12;
    static final int WINDOWS_PER_CHUNK = 3;
    static final int CHUNKS = WINDOWS / WINDOWS_PER_CHUNK;
    private static final int MODELS_COUNT = 2;
    private static final int COUNTRIES_COUNT = 3;
    static final String[] MODELS = {"fraud", "credit"};
    private static final String[] COUNTRIES = {"DE", "FR", "IT"};
    private static final String[] CHANNELS = {"web", "app", "pos"};
    static final int PER_WINDOW = 60;
    static final String DRIFTING_COUNTRY = "FR";
    static final int DRIFT_FROM_WINDOW = WINDOWS / 2;
    /** Three drifting windows, then three clean ones: more than the alert rule's resolve_after. */
    static final int DRIFT_UNTIL_WINDOW = DRIFT_FROM_WINDOW + 3;
    /** In reference standard deviations: a KS p-value far below 0.001 at 60 vs 150 values. */
    static final double DRIFT_SHIFT = 2.0;
    /** After the last data window's end: longer than the longest label delay plus the pending-label wait. */
    static final long SENTINEL_AFTER_DATA_MILLIS = 180_000;
    private static final int MALFORMED_PER_CHUNK = 3;
    private static final long SEED = 42;
    /** Fewer reference values than KLL's k = 200: the stored sketches are exact. */
    private static final int REFERENCE_SIZE = 150;
    private static final int BINS = 10;
    /** Profile name of the label class balance (LabelDrift.PROFILE). */
    private static final String LABEL_PROFILE = "label";

    /** One Kafka record: partition and value. */
    record Record(int partition, byte[] value) {}

    /** A valid prediction as produced: what its label depends on. */
    record Prediction(String id, String model, String country, int window, long time, double score, int partition) {}

    private final List<List<Record>> chunks = new ArrayList<>();
    private final List<Prediction> predictions = new ArrayList<>();

    Workload() {
        Random random = new Random(SEED);
        long seq = 0;
        long spacing = WINDOW_MILLIS / PER_WINDOW;
        for (int c = 0; c < CHUNKS; c++) {
            List<Record> chunk = new ArrayList<>();
            for (int m = 0; m < MALFORMED_PER_CHUNK; m++) {
                String bad = m == 0 ? "{\"schema_version\":1," : m == 1 ? "[" + c + "]"
                        : event(seq, "fraud", BASE, 1.5, "web", "DE", 0.0);
                chunk.add(new Record(m % PARTITIONS, bad.getBytes(StandardCharsets.UTF_8)));
            }
            for (int w = c * WINDOWS_PER_CHUNK; w < (c + 1) * WINDOWS_PER_CHUNK; w++) {
                for (int i = 0; i < PER_WINDOW; i++) {
                    long time = BASE + w * WINDOW_MILLIS + i * spacing;
                    for (String model : MODELS) {
                        for (String country : COUNTRIES) {
                            double amount = random.nextGaussian() + (drifting(country, w) ? DRIFT_SHIFT : 0);
                            double score = random.nextDouble();
                            String json = event(seq, model, time, score,
                                    CHANNELS[random.nextInt(CHANNELS.length)], country, amount);
                            int partition = (int) (seq % PARTITIONS);
                            chunk.add(new Record(partition, json.getBytes(StandardCharsets.UTF_8)));
                            predictions.add(new Prediction("p-" + seq, model, country, w, time, score, partition));
                            seq++;
                        }
                    }
                }
            }
            chunks.add(chunk);
        }
        long sentinelTime = sentinelTime();
        for (int p = 0; p < PARTITIONS; p++) {
            chunks.get(CHUNKS - 1).add(new Record(p, event(seq++, "fraud", sentinelTime, 0.5, "web", "DE", 0.0)
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    static boolean drifting(String country, int window) {
        return country.equals(DRIFTING_COUNTRY) && window >= DRIFT_FROM_WINDOW && window < DRIFT_UNTIL_WINDOW;
    }

    static long dataEnd() {
        return BASE + WINDOWS * WINDOW_MILLIS;
    }

    static long sentinelTime() {
        return dataEnd() + SENTINEL_AFTER_DATA_MILLIS;
    }

    /** The valid predictions in production order. */
    List<Prediction> predictions() {
        return predictions;
    }

    private static String event(long seq, String model, long time, double score, String channel, String country,
                                double amount) {
        return "{\"schema_version\":1,\"prediction_id\":\"p-" + seq + "\",\"model_id\":\"" + model
                + "\",\"model_version\":\"v1\",\"timestamp\":\"" + Instant.ofEpochMilli(time) + "\",\"features\":{"
                + "\"amount\":" + amount + ",\"channel\":\"" + channel + "\"},\"score\":" + score
                + ",\"latency_ms\":" + (1 + seq % 40) + ",\"segment\":{\"country\":\"" + country + "\"}}";
    }

    /** The stored baseline of every model (features, score, labels): fixed, so rows depend on input alone. */
    static Map<String, Map<String, ReferenceProfile>> baselines() {
        Random random = new Random(SEED + 1);
        Map<String, Map<String, ReferenceProfile>> all = new LinkedHashMap<>();
        for (String model : MODELS) {
            double[] amounts = new double[REFERENCE_SIZE];
            double[] scores = new double[REFERENCE_SIZE];
            for (int i = 0; i < REFERENCE_SIZE; i++) {
                amounts[i] = random.nextGaussian();
                scores[i] = random.nextDouble();
            }
            Map<String, ReferenceProfile> profiles = new LinkedHashMap<>();
            profiles.put("amount", new ReferenceProfile("amount",
                    NumericProfile.fromReference(amounts, new Binning.Quantiles(BINS))));
            profiles.put("channel", new ReferenceProfile("channel",
                    CategoricalProfile.of(Map.of("web", 50L, "app", 50L, "pos", 50L))));
            profiles.put("score", new ReferenceProfile("score",
                    NumericProfile.fromReference(scores, new Binning.Quantiles(BINS))));
            // uniform calibrated scores: half the labels positive (the label drift's baseline, PIPELINE.md "Label drift")
            profiles.put(LABEL_PROFILE, new ReferenceProfile(LABEL_PROFILE, CategoricalProfile.of(
                    Map.of("0", (long) REFERENCE_SIZE / 2, "1", (long) REFERENCE_SIZE / 2))));
            all.put(model, profiles);
        }
        return all;
    }

    List<Record> chunk(int index) {
        return chunks.get(index);
    }

    /** Volume rows a complete run writes: one per model, segment and data window. */
    static long expectedVolumeRows() {
        return (long) MODELS_COUNT * COUNTRIES_COUNT * WINDOWS;
    }

    /** Volume rows complete once chunk {@code index} is processed (its windows except the open last one). */
    static long volumeRowsAfterChunk(int index) {
        return (long) MODELS_COUNT * COUNTRIES_COUNT * ((index + 1) * WINDOWS_PER_CHUNK - 1);
    }

    static long expectedDeadLetters() {
        return (long) MALFORMED_PER_CHUNK * CHUNKS;
    }
}
