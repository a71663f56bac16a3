package io.driftwatch.flink.source;

import java.util.Arrays;

/**
 * One valid prediction reduced to what the window operator needs, as a Flink POJO (public fields, no-arg
 * constructor, only String/primitive/array fields) so it crosses the keyBy shuffle with Flink's own
 * serializers instead of Kryo.
 *
 * <p>Features are parallel arrays: {@code featureNames[i]} has kind {@code featureKinds[i]} (a
 * {@link FeatureKindCode} code); numbers are in {@code numbers[i]}, strings and booleans (as
 * {@code "true"}/{@code "false"}) in {@code texts[i]} ({@code ""} where unused).
 */
public class Observation {
    /** The event's {@code prediction_id}: joins the prediction with its delayed label; keys the raw sample. */
    public String predictionId;
    public String modelId;
    public String modelVersion;
    /** Canonical segment ({@link SegmentKeys#canonical}). */
    public String segment;
    /**
     * The segment's keys and values as they were, alternating ({@code k0, v0, k1, v1, ...}, sorted by key): what
     * {@link #segment} was made from, kept because values may hold the canonical form's {@code ,} and {@code =}.
     */
    public String[] segmentEntries;
    public long eventTimeMillis;
    /** Binary score in [0, 1]; NaN when the model's output is not a binary score. */
    public double score;
    /** Regression output; NaN when the model's output is not a regression value. */
    public double value;
    /** Inference latency in ms; NaN when not sent. */
    public double latencyMs;
    /** Predicted class, or {@code ""} when not sent. */
    public String predictedClass;
    public String[] featureNames;
    public byte[] featureKinds;
    public double[] numbers;
    public String[] texts;

    /** {@link #windowKey()} as the mapper resolved it; not a POJO field (transient), never serialized. */
    private transient String windowKey;

    public Observation() {}

    /**
     * The keyBy key: model, version and segment ({@link SegmentKeys#windowKey}). Computed on first use unless
     * the mapper set it: do not change model, version or segment after calling this.
     */
    public String windowKey() {
        if (windowKey == null) {
            windowKey = SegmentKeys.windowKey(modelId, modelVersion, segment);
        }
        return windowKey;
    }

    /** Sets the key {@link #windowKey()} returns (the mapper's memoized one, equal to what it would compute). */
    void cacheWindowKey(String key) {
        windowKey = key;
    }

    public int featureCount() {
        return featureNames == null ? 0 : featureNames.length;
    }

    @Override
    public String toString() {
        return "Observation[" + modelId + "/" + modelVersion + "/" + segment + " @" + eventTimeMillis + ", score="
                + score + ", latencyMs=" + latencyMs + ", features=" + Arrays.toString(featureNames) + "]";
    }
}
