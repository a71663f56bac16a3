package io.driftwatch.dashboards.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Label events (label.schema.json) for generated binary predictions, as a labelling process would send them: most
 * labels come 1 to 5 minutes after their prediction (so label-time order keeps the degradation's jump for the
 * change detector), some up to hours later, a few never. Before the degradation a label is
 * positive with the prediction's score as probability (a calibrated model); for degraded predictions the score
 * mostly points the wrong way, so ECE rises and the error rate jumps (a change for ADWIN).
 */
final class LabelEvents {

    /** Share of predictions labelled within {@link #FAST_MIN} to {@link #FAST_MAX}. */
    static final double FAST_SHARE = 0.85;
    /** Share labelled within {@link #FAST_MAX} to {@link #SLOW_MAX} (log-uniform); the rest stays unlabelled. */
    static final double SLOW_SHARE = 0.1;
    static final Duration FAST_MIN = Duration.ofMinutes(1);
    static final Duration FAST_MAX = Duration.ofMinutes(5);
    static final Duration SLOW_MAX = Duration.ofHours(3);
    /**
     * Weight of the inverted score in a degraded prediction's positive probability: p = (1 - w) s + w (1 - s).
     * With uniform scores and threshold 0.5 this moves the error rate from 0.25 to 0.65 and ECE from ~0 to 0.4.
     */
    static final double DEGRADATION = 0.8;

    /** One label record on the labels topic. */
    record Label(int partition, Instant time, String json) {
    }

    private final SplittableRandom random;
    private final int partitions;
    private final List<Label> labels = new ArrayList<>();

    LabelEvents(SplittableRandom random, int partitions) {
        this.random = random;
        this.partitions = partitions;
    }

    /** Draws whether, when and how the prediction is labelled; records the label if it gets one. */
    void labelFor(long seq, String model, Instant predictionTime, double score, boolean degraded) {
        double kind = random.nextDouble();
        if (kind >= FAST_SHARE + SLOW_SHARE) {
            return;
        }
        long delayMillis = kind < FAST_SHARE
                ? FAST_MIN.toMillis() + (long) (random.nextDouble() * (FAST_MAX.toMillis() - FAST_MIN.toMillis()))
                : (long) (FAST_MAX.toMillis() * Math.exp(random.nextDouble()
                        * Math.log((double) SLOW_MAX.toMillis() / FAST_MAX.toMillis())));
        double positive = degraded ? (1 - DEGRADATION) * score + DEGRADATION * (1 - score) : score;
        int label = random.nextDouble() < positive ? 1 : 0;
        add("p-" + seq, model, predictionTime.plusMillis(delayMillis), label, (int) (seq % partitions));
    }

    /** A label for a prediction the job never saw: dead-lettered as unknown_prediction. */
    void orphan(String predictionId, String model, Instant time) {
        add(predictionId, model, time, 1, 0);
    }

    private void add(String predictionId, String model, Instant time, int label, int partition) {
        labels.add(new Label(partition, time, "{\"schema_version\":1,\"prediction_id\":\"" + predictionId
                + "\",\"model_id\":\"" + model + "\",\"timestamp\":\"" + time + "\",\"label\":" + label + "}"));
    }

    /** Every label in label-time order (the order a labelling process emits them). */
    List<Label> inTimeOrder() {
        List<Label> sorted = new ArrayList<>(labels);
        sorted.sort(Comparator.comparing(Label::time));
        return sorted;
    }
}
