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
 * order per partition, with a few malformed records per chunk (dead letters). The last chunk ends with one
 * sentinel event per partition two windows past the data, which moves the watermark past every data window;
 * the sentinel's own window never fires in an unbounded job, so clean and disturbed runs see the same rows.
 */
final class Workload {

    static final int PARTITIONS = 2;
    static final long WINDOW_MILLIS = 10_000;
    static final int WINDOWS = 12;
    static final int WINDOWS_PER_CHUNK = 3;
    static final int CHUNKS = WINDOWS / WINDOWS_PER_CHUNK;
    private static final int MODELS_COUNT = 2;
    private static final int COUNTRIES_COUNT = 3;
    private static final String[] MODELS = {"fraud", "credit"};
    private static final String[] COUNTRIES = {"DE", "FR", "IT"};
    private static final String[] CHANNELS = {"web", "app", "pos"};
    static final int PER_WINDOW = 60;
    private static final int MALFORMED_PER_CHUNK = 3;
    private static final long BASE = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final long SEED = 42;
    /** Fewer reference values than KLL's k = 200: the stored sketches are exact. */
    private static final int REFERENCE_SIZE = 150;
    private static final int BINS = 10;

    /** One Kafka record: partition and value. */
    record Record(int partition, byte[] value) {}

    private final List<List<Record>> chunks = new ArrayList<>();

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
                            double amount = random.nextGaussian() + (w >= WINDOWS / 2 && country.equals("FR") ? 1 : 0);
                            String json = event(seq, model, time, random.nextDouble(),
                                    CHANNELS[random.nextInt(CHANNELS.length)], country, amount);
                            chunk.add(new Record((int) (seq % PARTITIONS), json.getBytes(StandardCharsets.UTF_8)));
                            seq++;
                        }
                    }
                }
            }
            chunks.add(chunk);
        }
        long sentinelTime = BASE + (WINDOWS + 2) * WINDOW_MILLIS;
        for (int p = 0; p < PARTITIONS; p++) {
            chunks.get(CHUNKS - 1).add(new Record(p, event(seq++, "fraud", sentinelTime, 0.5, "web", "DE", 0.0)
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String event(long seq, String model, long time, double score, String channel, String country,
                                double amount) {
        return "{\"schema_version\":1,\"prediction_id\":\"p-" + seq + "\",\"model_id\":\"" + model
                + "\",\"model_version\":\"v1\",\"timestamp\":\"" + Instant.ofEpochMilli(time) + "\",\"features\":{"
                + "\"amount\":" + amount + ",\"channel\":\"" + channel + "\"},\"score\":" + score
                + ",\"latency_ms\":" + (1 + seq % 40) + ",\"segment\":{\"country\":\"" + country + "\"}}";
    }

    /** The stored baseline of every model: framed from the first window on, so rows depend on input alone. */
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
