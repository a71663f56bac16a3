package io.driftwatch.app.demo;

import java.util.Map;
import java.util.Set;

/**
 * What the generator drifted, so the demo can check that drift is detected on exactly these features of exactly
 * this segment (and nowhere else).
 *
 * @param model                   model whose features drift
 * @param segment                 the drifted segment, e.g. {@code {"country": "BR"}}
 * @param features                drifted feature names (empty when no feature drift is configured)
 * @param latencyModel            model whose latency regresses
 * @param latencyMedianShiftMs    added to that model's median latency
 * @param calibrationLogOddsShift added to the true log-odds in the drifted segment
 * @param start                   when it all begins
 */
public record InjectedDrift(DemoModel model, Map<String, String> segment, Set<String> features, DemoModel latencyModel,
                            double latencyMedianShiftMs, double calibrationLogOddsShift, DriftStart start) {

    public InjectedDrift {
        segment = Map.copyOf(segment);
        features = Set.copyOf(features);
    }

    /** Whether {@code feature} of {@code modelId} in {@code segment} was deliberately drifted. */
    public boolean isDrifted(String modelId, Map<String, String> eventSegment, String feature) {
        return model.modelId().equals(modelId) && segment.equals(eventSegment) && features.contains(feature);
    }
}
