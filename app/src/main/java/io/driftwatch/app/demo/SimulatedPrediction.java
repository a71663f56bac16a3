package io.driftwatch.app.demo;

import io.driftwatch.schemas.events.FeatureValue;
import io.driftwatch.schemas.events.ModelOutput;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One simulated model call before it becomes an event: what the model saw and said, and the true outcome's
 * distribution.
 *
 * @param model          which model
 * @param segment        segment key to value
 * @param features       feature name to value, in the model's feature order
 * @param output         the model's output
 * @param truth          distribution of the true outcome
 * @param driftedSegment whether this prediction was drawn from the drifted distribution
 */
record SimulatedPrediction(DemoModel model, Map<String, String> segment, Map<String, FeatureValue> features,
                           ModelOutput output, GroundTruth truth, boolean driftedSegment) {

    SimulatedPrediction {
        segment = Map.copyOf(segment);
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }
}
