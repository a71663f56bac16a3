package io.driftwatch.schemas.events;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * One model prediction, as described by {@code prediction.schema.json}. Built by
 * {@link EventParser#parsePrediction(byte[])}. All maps are unmodifiable and keep the order of the payload.
 *
 * @param schemaVersion   event schema version ({@link #CURRENT_SCHEMA_VERSION})
 * @param predictionId    joins the prediction with its label
 * @param modelId         model name
 * @param modelVersion    model version
 * @param eventTimeMillis event time, epoch milliseconds (UTC); sub-millisecond digits are truncated
 * @param features        feature name to value
 * @param output          score, class scores or regression value
 * @param predictedClass  predicted class, or {@code null} when not sent
 * @param latencyMs       inference latency in ms ({@code >= 0}), or {@code null} when not sent
 * @param segment         segment key to value (e.g. country), empty when not sent
 * @param tags            free-form tags, empty when not sent
 * @param extraFields     unknown top-level fields, name to raw JSON text; kept for forward compatibility
 */
public record PredictionEvent(int schemaVersion, String predictionId, String modelId, String modelVersion,
                              long eventTimeMillis, Map<String, FeatureValue> features, ModelOutput output,
                              String predictedClass, Double latencyMs, Map<String, String> segment,
                              Map<String, String> tags, Map<String, String> extraFields) {

    /** The only schema version this code reads. */
    public static final int CURRENT_SCHEMA_VERSION = 1;

    public PredictionEvent {
        Objects.requireNonNull(predictionId, "predictionId");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(output, "output");
        features = Collections.unmodifiableMap(features);
        segment = Collections.unmodifiableMap(segment);
        tags = Collections.unmodifiableMap(tags);
        extraFields = Collections.unmodifiableMap(extraFields);
    }
}
