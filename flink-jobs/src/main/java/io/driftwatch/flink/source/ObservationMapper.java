package io.driftwatch.flink.source;

import io.driftwatch.flink.config.SegmentConfig;
import io.driftwatch.schemas.events.FeatureValue;
import io.driftwatch.schemas.events.ModelOutput;
import io.driftwatch.schemas.events.PredictionEvent;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reduces a parsed {@link PredictionEvent} to an {@link Observation}, canonicalizing its segment. */
public final class ObservationMapper implements Serializable {

    private static final long serialVersionUID = 1L;
    private final SegmentConfig segments;

    public ObservationMapper(SegmentConfig segments) {
        this.segments = Objects.requireNonNull(segments, "segments");
    }

    public Observation map(PredictionEvent event) {
        Observation o = new Observation();
        o.predictionId = event.predictionId();
        o.modelId = event.modelId();
        o.modelVersion = event.modelVersion();
        List<String> keys = segments.forModel(event.modelId()).keys();
        o.predictionId = event.predictionId();
        o.segment = SegmentKeys.canonical(event.segment(), keys);
        o.segmentEntries = SegmentKeys.entries(event.segment(), keys);
        o.eventTimeMillis = event.eventTimeMillis();
        o.score = event.output() instanceof ModelOutput.BinaryScore b ? b.score() : Double.NaN;
        o.value = event.output() instanceof ModelOutput.RegressionValue r ? r.value() : Double.NaN;
        o.latencyMs = event.latencyMs() == null ? Double.NaN : event.latencyMs();
        o.predictedClass = event.predictedClass() == null ? "" : event.predictedClass();
        int n = event.features().size();
        o.featureNames = new String[n];
        o.featureKinds = new byte[n];
        o.numbers = new double[n];
        o.texts = new String[n];
        int i = 0;
        for (Map.Entry<String, FeatureValue> feature : event.features().entrySet()) {
            FeatureValue value = feature.getValue();
            o.featureNames[i] = feature.getKey();
            o.featureKinds[i] = FeatureKindCode.of(value);
            o.texts[i] = "";
            if (value instanceof FeatureValue.Num num) {
                o.numbers[i] = num.value();
            } else if (value instanceof FeatureValue.Str str) {
                o.texts[i] = str.value();
            } else if (value instanceof FeatureValue.Bool bool) {
                o.texts[i] = Boolean.toString(bool.value());
            }
            i++;
        }
        return o;
    }
}
