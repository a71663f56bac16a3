package io.driftwatch.flink.labels;

/**
 * The join's state per prediction: only what the metrics need (a few dozen bytes; measured by
 * {@code LabelJoinBenchmark}). A Flink POJO.
 */
public class PendingPrediction {
    /** Waiting for its label. */
    public static final byte PENDING = 0;
    /** Labelled: a further label is a duplicate. */
    public static final byte LABELLED = 1;
    /** Past the horizon without a label: kept as a tombstone for the pending-label wait, then dropped. */
    public static final byte EXPIRED = 2;

    public String modelVersion;
    public String segment;
    public long eventTimeMillis;
    /** Binary score or regression value; NaN when the prediction has neither. */
    public double output;
    /** Index of the predicted class among the model's classes; -1 when absent or unknown. */
    public int predictedClass;
    public byte status;

    public PendingPrediction() {}

    @Override
    public String toString() {
        return "PendingPrediction[" + modelVersion + "/" + segment + " @" + eventTimeMillis + " output=" + output
                + " class=" + predictedClass + " status=" + status + "]";
    }
}
