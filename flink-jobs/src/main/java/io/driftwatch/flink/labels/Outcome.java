package io.driftwatch.flink.labels;

import io.driftwatch.flink.source.SegmentKeys;
import java.util.Comparator;

/**
 * What the join tells the metrics: a prediction was made ({@link #PREDICTION}: counts and CBPE), or a prediction
 * got its label ({@link #LABEL}). A Flink POJO. {@link #ORDER} is the deterministic order in which accumulators
 * fold outcomes, so floating-point sums do not depend on arrival order.
 */
public class Outcome {
    public static final byte PREDICTION = 0;
    public static final byte LABEL = 1;

    /** By {@link #orderTime}, then kind, then prediction id. */
    public static final Comparator<Outcome> ORDER = Comparator.<Outcome>comparingLong(o -> o.orderTime)
            .thenComparingInt(o -> o.kind).thenComparing(o -> o.predictionId);

    public byte kind;
    public String modelId;
    public String modelVersion;
    public String segment;
    public String predictionId;
    /** Start of the prediction-time window the prediction falls in. */
    public long windowStart;
    public long predictionTimeMillis;
    /** Label event time; equals the prediction time for {@link #PREDICTION}. */
    public long labelTimeMillis;
    /** Event time that orders outcomes: the prediction time, or for a label max(label, prediction) time. */
    public long orderTime;
    /** Binary score or regression value (see {@link PendingPrediction#output}). */
    public double output;
    public int predictedClass;
    /** Numeric label (NaN for PREDICTION and multiclass). */
    public double labelNumeric;
    /** Class index of a multiclass label; -1 otherwise. */
    public int labelClass;

    public Outcome() {}

    /** The metrics' key: model, version, segment and window start. */
    public String windowKey() {
        return SegmentKeys.windowKey(modelId, modelVersion, segment) + "|" + windowStart;
    }

    /** The change detector's key: model, version and segment. */
    public String streamKey() {
        return SegmentKeys.windowKey(modelId, modelVersion, segment);
    }

    /** Label delay in ms, never negative (a label stamped before its prediction counts as delay 0). */
    public long delayMillis() {
        return Math.max(0, labelTimeMillis - predictionTimeMillis);
    }

    @Override
    public String toString() {
        return "Outcome[" + (kind == LABEL ? "label " : "prediction ") + modelId + "/" + predictionId + " window "
                + windowStart + " order " + orderTime + "]";
    }
}
