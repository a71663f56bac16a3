package io.driftwatch.flink.source;

import io.driftwatch.flink.config.LimitsConfig;
import io.driftwatch.flink.config.SegmentConfig;
import io.driftwatch.flink.telemetry.PipelineMetrics;
import io.driftwatch.schemas.events.FeatureValue;
import io.driftwatch.schemas.events.ModelOutput;
import io.driftwatch.schemas.events.PredictionEvent;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.metrics.MetricGroup;

/**
 * Reduces a parsed {@link PredictionEvent} to an {@link Observation}, canonicalizing its segment; segment values,
 * segments and categories past the configured limits are folded by a {@link CardinalityGuard}.
 */
public final class ObservationMapper implements Serializable {

    private static final long serialVersionUID = 2L;
    private final SegmentConfig segments;
    private final LimitsConfig limits;
    private transient CardinalityGuard guard;

    public ObservationMapper(SegmentConfig segments, LimitsConfig limits) {
        this.segments = Objects.requireNonNull(segments, "segments");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Counts folds in the task's metrics; before this (or outside a task) they go to plain counters. */
    public void open(MetricGroup pipelineGroup) {
        guard = new CardinalityGuard(segments, limits, pipelineGroup.counter(PipelineMetrics.SEGMENT_OVERFLOW),
                pipelineGroup.counter(PipelineMetrics.CATEGORY_OVERFLOW));
    }

    /** The guard folding over-limit values (created on first use when {@link #open} was not called). */
    public CardinalityGuard guard() {
        if (guard == null) {
            guard = new CardinalityGuard(segments, limits);
        }
        return guard;
    }

    public Observation map(PredictionEvent event) {
        Observation o = new Observation();
        o.predictionId = event.predictionId();
        o.modelId = event.modelId();
        o.modelVersion = event.modelVersion();
        List<String> keys = segments.forModel(event.modelId()).keys();
        CardinalityGuard limit = guard();
        o.segment = limit.segment(event.modelId(), event.segment());
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
                o.texts[i] = limit.category(event.modelId(), feature.getKey(), str.value());
            } else if (value instanceof FeatureValue.Bool bool) {
                o.texts[i] = Boolean.toString(bool.value());
            }
            i++;
        }
        return o;
    }
}
