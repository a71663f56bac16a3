package io.driftwatch.flink.source;

import io.driftwatch.flink.config.LimitsConfig;
import io.driftwatch.flink.config.SegmentConfig;
import io.driftwatch.flink.telemetry.PipelineMetrics;
import io.driftwatch.schemas.events.ModelOutput;
import io.driftwatch.schemas.events.PredictionEvent;
import io.driftwatch.schemas.events.PredictionFields;
import java.io.Serializable;
import java.util.LinkedHashMap;
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
    private static final String TRUE_TEXT = Boolean.toString(true);
    private static final String FALSE_TEXT = Boolean.toString(false);
    private transient CardinalityGuard guard;
    private transient SegmentMemo memo;
    private transient String[] lastFeatureNames;

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

    /** The observation of a parsed record (tests and tools; the job maps {@link PredictionFields}). */
    public Observation map(PredictionEvent event) {
        return map(PredictionFields.of(event));
    }

    /** The observation of one parsed prediction; copies what it keeps, so {@code event} may be reused after. */
    public Observation map(PredictionFields event) {
        Observation o = new Observation();
        o.predictionId = event.predictionId();
        o.modelId = event.modelId();
        o.modelVersion = event.modelVersion();
        SegmentMemo.Resolved resolved = resolveSegment(event);
        if (resolved.folded()) {
            guard().countSegmentFold();
        }
        o.segment = resolved.segment();
        o.segmentEntries = resolved.entries();
        o.cacheWindowKey(resolved.windowKey());
        o.eventTimeMillis = event.eventTimeMillis();
        o.score = event.output() instanceof ModelOutput.BinaryScore b ? b.score() : Double.NaN;
        o.value = event.output() instanceof ModelOutput.RegressionValue r ? r.value() : Double.NaN;
        o.latencyMs = event.latencyMs();
        o.predictedClass = event.predictedClass() != null ? event.predictedClass()
                : event.output() instanceof ModelOutput.ClassScores scores ? topClass(scores) : "";
        int n = event.featureCount();
        String[] names = featureNames(event);
        byte[] kinds = new byte[n];
        double[] numbers = new double[n];
        String[] texts = new String[n];
        CardinalityGuard.ModelCategories categories = resolved.categories();
        for (int i = 0; i < n; i++) {
            // one switch per feature: it sets the kind's code with the value
            switch (event.featureKind(i)) {
                case NUMBER -> {
                    kinds[i] = FeatureKindCode.NUMBER;
                    numbers[i] = event.number(i);
                    texts[i] = "";
                }
                case TEXT -> {
                    kinds[i] = FeatureKindCode.TEXT;
                    texts[i] = categories.category(i, names[i], event.text(i));
                }
                case BOOLEAN -> {
                    kinds[i] = FeatureKindCode.BOOLEAN;
                    texts[i] = event.number(i) != 0.0 ? TRUE_TEXT : FALSE_TEXT;
                }
                case NULL -> {
                    kinds[i] = FeatureKindCode.NULL;
                    texts[i] = "";
                }
            }
        }
        o.featureNames = names;
        o.featureKinds = kinds;
        o.numbers = numbers;
        o.texts = texts;
        return o;
    }

    /**
     * The event's feature names as an array shared with the previous observation when the names are the same
     * instances in the same order (the parser hands out one instance per repeating name): one array per run of
     * same-shaped events instead of one per event, and the batch serializer sees repeated names by identity.
     * Observations never write to their names.
     */
    private String[] featureNames(PredictionFields event) {
        int n = event.featureCount();
        String[] names = lastFeatureNames;
        if (names != null && names.length == n) {
            int i = 0;
            while (i < n && names[i] == event.featureName(i)) {
                i++;
            }
            if (i == n) {
                return names;
            }
        }
        names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = event.featureName(i);
        }
        lastFeatureNames = names;
        return names;
    }

    /** The class with the highest score; on a tie the first in payload order (the scores map keeps it). */
    static String topClass(ModelOutput.ClassScores scores) {
        String top = "";
        double best = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Double> e : scores.scores().entrySet()) {
            if (e.getValue() > best) {
                best = e.getValue();
                top = e.getKey();
            }
        }
        return top;
    }

    /** Distinct (model, version, segment) combinations remembered so far. */
    int memoizedSegments() {
        return memo == null ? 0 : memo.size();
    }

    /** The event's canonical segment, kept entries and window key, memoized per combination. */
    private SegmentMemo.Resolved resolveSegment(PredictionFields event) {
        if (memo == null) {
            memo = new SegmentMemo();
        }
        List<String> keys = segments.forModel(event.modelId()).keys();
        SegmentMemo.Resolved resolved = memo.get(event, keys);
        if (resolved != null) {
            return resolved;
        }
        Map<String, String> segment = new LinkedHashMap<>();
        for (int i = 0; i < event.segmentCount(); i++) {
            segment.put(event.segmentKey(i), event.segmentValue(i));
        }
        CardinalityGuard.SegmentOutcome outcome = guard().admitSegment(event.modelId(), segment);
        resolved = new SegmentMemo.Resolved(outcome.canonical(), SegmentKeys.entries(segment, keys),
                SegmentKeys.windowKey(event.modelId(), event.modelVersion(), outcome.canonical()), outcome.folded(),
                guard().categories(event.modelId()));
        memo.putLast(resolved);
        return resolved;
    }
}
