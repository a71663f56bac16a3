package io.driftwatch.flink.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Labels for a {@link Workload}'s predictions, in chunks produced right after the predictions' chunk of the same
 * index: each label goes into the chunk whose data time span holds its event time (later ones into the last
 * chunk), so labels of earlier windows are still arriving, and predictions still wait for theirs, whenever a
 * chunk ends. Labels come {@value #FAST_MIN_MILLIS} ms to {@value #SLOW_MAX_MILLIS} ms of event time after their
 * prediction (seconds to minutes, against 10 s windows); {@value #UNLABELLED_PERCENT}% of predictions get none,
 * {@value #DUPLICATE_PERCENT}% a second one (dead letter {@code duplicate_label}), and each chunk has
 * {@value #ORPHANS_PER_CHUNK} labels of predictions that never came (dead letter {@code unknown_prediction} after
 * the pending wait). Labels are 1 with the prediction's score as probability, flipped in the drifting segment from
 * the drift on (a lasting performance drop: error rate 0.25 to 0.75, which ADWIN finds although the delays smear
 * it over label time). Each partition ends with a sentinel label at the predictions' sentinel time, so the
 * join's watermark (the minimum of both sides) passes every label timer.
 */
final class LabelledWorkload {

    /** Config of the labelled runs: waits and emission grid short against the workload's 10 s windows. */
    static final String LABELS_YAML = "labels:\n  default:\n    pending_label_wait: 20s\n    emit_interval: 10s\n";
    static final long FAST_MIN_MILLIS = 1_000;
    static final long FAST_MAX_MILLIS = 10_000;
    static final long SLOW_MAX_MILLIS = 90_000;
    static final int FAST_PERCENT = 30;
    static final int UNLABELLED_PERCENT = 15;
    static final int DUPLICATE_PERCENT = 3;
    static final int ORPHANS_PER_CHUNK = 2;
    private static final int PERCENT = 100;
    /** A duplicate comes this much after the first label. */
    private static final long DUPLICATE_AFTER_MILLIS = 2_000;
    private static final long SEED = 4242;

    private record Label(int partition, long time, String json) {}

    private final List<List<Workload.Record>> chunks = new ArrayList<>();
    private final long duplicates;

    LabelledWorkload(Workload workload) {
        Random random = new Random(SEED);
        List<Label> labels = new ArrayList<>();
        long duplicateCount = 0;
        for (Workload.Prediction p : workload.predictions()) {
            if (random.nextInt(PERCENT) < UNLABELLED_PERCENT) {
                continue;
            }
            long delay = random.nextInt(PERCENT) < FAST_PERCENT
                    ? FAST_MIN_MILLIS + (long) (random.nextDouble() * (FAST_MAX_MILLIS - FAST_MIN_MILLIS))
                    : FAST_MAX_MILLIS + (long) (random.nextDouble() * (SLOW_MAX_MILLIS - FAST_MAX_MILLIS));
            int label = random.nextDouble() < p.score() ? 1 : 0;
            if (p.country().equals(Workload.DRIFTING_COUNTRY) && p.window() >= Workload.DRIFT_FROM_WINDOW) {
                label = 1 - label;
            }
            labels.add(label(p.partition(), p.id(), p.model(), p.time() + delay, label));
            if (random.nextInt(PERCENT) < DUPLICATE_PERCENT) {
                labels.add(label(p.partition(), p.id(), p.model(), p.time() + delay + DUPLICATE_AFTER_MILLIS, 1 - label));
                duplicateCount++;
            }
        }
        long chunkMillis = Workload.WINDOWS_PER_CHUNK * Workload.WINDOW_MILLIS;
        for (int c = 0; c < Workload.CHUNKS; c++) {
            for (int i = 0; i < ORPHANS_PER_CHUNK; i++) {
                long time = Workload.BASE + (c + 1) * chunkMillis - 1 - i;
                labels.add(label(i % Workload.PARTITIONS, "never-predicted-" + c + "-" + i, Workload.MODELS[0], time, 1));
            }
        }
        duplicates = duplicateCount;
        labels.sort(Comparator.comparingLong(Label::time)); // stable: a duplicate stays after its first label
        for (int c = 0; c < Workload.CHUNKS; c++) {
            chunks.add(new ArrayList<>());
        }
        for (Label l : labels) {
            int chunk = (int) Math.min(Workload.CHUNKS - 1, (l.time() - Workload.BASE) / chunkMillis);
            chunks.get(chunk).add(new Workload.Record(l.partition(), l.json().getBytes(StandardCharsets.UTF_8)));
        }
        for (int p = 0; p < Workload.PARTITIONS; p++) {
            chunks.get(Workload.CHUNKS - 1).add(new Workload.Record(p, label(p, "sentinel-" + p, Workload.MODELS[0],
                    Workload.sentinelTime(), 0).json().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static Label label(int partition, String predictionId, String model, long time, int value) {
        return new Label(partition, time, "{\"schema_version\":1,\"prediction_id\":\"" + predictionId
                + "\",\"model_id\":\"" + model + "\",\"timestamp\":\"" + Instant.ofEpochMilli(time) + "\",\"label\":"
                + value + "}");
    }

    List<Workload.Record> chunk(int index) {
        return chunks.get(index);
    }

    /** Dead letters of a complete run: the malformed predictions, duplicate labels and labels of no prediction. */
    long expectedDeadLetters() {
        return Workload.expectedDeadLetters() + duplicates + (long) ORPHANS_PER_CHUNK * Workload.CHUNKS;
    }

    long duplicates() {
        return duplicates;
    }
}
