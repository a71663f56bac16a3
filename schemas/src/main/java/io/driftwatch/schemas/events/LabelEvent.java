package io.driftwatch.schemas.events;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * Ground truth for an earlier prediction, as described by {@code label.schema.json}. Built by
 * {@link EventParser#parseLabel(byte[])}.
 *
 * @param schemaVersion   event schema version ({@link PredictionEvent#CURRENT_SCHEMA_VERSION})
 * @param predictionId    id of the prediction this label belongs to
 * @param modelId         model name
 * @param eventTimeMillis time the label became known, epoch milliseconds (UTC)
 * @param label           the true outcome
 * @param extraFields     unknown top-level fields, name to raw JSON text
 */
public record LabelEvent(int schemaVersion, String predictionId, String modelId, long eventTimeMillis,
                         LabelValue label, Map<String, String> extraFields) {

    public LabelEvent {
        Objects.requireNonNull(predictionId, "predictionId");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(label, "label");
        extraFields = Collections.unmodifiableMap(extraFields);
    }
}
