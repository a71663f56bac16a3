package io.driftwatch.flink.window;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.profile.FeatureKind;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.detectors.sketch.LatencyQuantiles;
import io.driftwatch.detectors.sketch.LatencySketch;
import io.driftwatch.detectors.sketch.NumericWindowState;
import io.driftwatch.detectors.sketch.QualityCounters;
import io.driftwatch.detectors.sketch.QualityIssue;
import io.driftwatch.flink.drift.DriftEvaluator;
import io.driftwatch.flink.drift.NumericReference;
import io.driftwatch.flink.rows.BaselineKind;
import io.driftwatch.flink.rows.DataQualityRow;
import io.driftwatch.flink.rows.FeatureDriftRow;
import io.driftwatch.flink.rows.LatencyRow;
import io.driftwatch.flink.rows.Subject;
import io.driftwatch.flink.rows.VolumeRow;
import io.driftwatch.flink.rows.WindowId;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Turns a closed window's {@link WindowAccumulator} into result rows. Pure: no Flink state, so it is tested
 * directly against {@code drift-detectors}.
 *
 * <p>References: a feature (or the score) is compared with the stored baseline's profile when the window
 * was framed by that profile (same edges and range, or same categories); otherwise, when
 * {@code rollingHistory} holds earlier windows with the same frame, with their merge
 * ({@link BaselineKind#WINDOW}, baseline id {@code <first start>/<last end>} in ISO-8601). Without either,
 * the feature gets no drift row.
 */
public final class WindowEmitter implements Serializable {

    private static final long serialVersionUID = 1L;
    private final DriftEvaluator evaluator;

    public WindowEmitter(DriftEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * @param stored         the key's stored baseline, or {@code null}
     * @param rollingHistory earlier windows (start to framed accumulator) forming the rolling reference
     * @param windowSize     window length, to name the rolling reference's end
     */
    public WindowResults emit(WindowId id, WindowAccumulator acc, ReferenceSet stored,
                              Map<Long, WindowAccumulator> rollingHistory, long windowSize, long emittedAt) {
        List<DataQualityRow> quality = new ArrayList<>();
        List<FeatureDriftRow> drift = new ArrayList<>();
        String rollingId = rollingId(rollingHistory, windowSize);
        acc.features.forEach((name, state) -> {
            quality.add(qualityRow(id, name, state, emittedAt));
            ReferenceProfile profile = stored == null ? null : stored.profiles().get(name);
            FeatureState template = stored == null ? null : stored.template().features.get(name);
            if (profile != null && template != null && template.sameFrame(state)) {
                drift.addAll(featureRows(id, name, state, profile, stored.baselineId(), emittedAt));
            } else if (state.framed()) {
                FeatureState merged = mergeHistory(name, state, rollingHistory);
                if (merged != null) {
                    drift.addAll(rollingRows(id, name, state, merged, rollingId, emittedAt));
                }
            }
        });
        drift.addAll(scoreRows(id, acc, stored, rollingHistory, rollingId, emittedAt));
        return new WindowResults(volumeRow(id, acc, emittedAt), latencyRow(id, acc.latency, emittedAt), quality, drift,
                !drift.isEmpty());
    }

    private List<FeatureDriftRow> featureRows(WindowId id, String name, FeatureState state, ReferenceProfile profile,
                                              String baselineId, long emittedAt) {
        List<FeatureDriftRow> rows = new ArrayList<>();
        if (state.numeric() != null) {
            NumericReference ref = NumericReference.of(profile.numeric());
            for (DriftResult r : evaluator.numeric(name, ref, state.numeric())) {
                rows.add(FeatureDriftRow.of(id, Subject.FEATURE, name, FeatureKind.NUMERIC, BaselineKind.TRAINING,
                        baselineId, r, ref.count(), state.numeric().sketch().n(), emittedAt));
            }
        } else {
            Map<String, Long> ref = profile.categorical().counts();
            for (DriftResult r : evaluator.categorical(name, ref, state.categorical().counts())) {
                rows.add(FeatureDriftRow.of(id, Subject.FEATURE, name, FeatureKind.CATEGORICAL, BaselineKind.TRAINING,
                        baselineId, r, profile.categorical().count(), state.categorical().counts().total(), emittedAt));
            }
        }
        return rows;
    }

    private List<FeatureDriftRow> rollingRows(WindowId id, String name, FeatureState state, FeatureState merged,
                                              String rollingId, long emittedAt) {
        List<FeatureDriftRow> rows = new ArrayList<>();
        if (state.numeric() != null) {
            NumericReference ref = NumericReference.of(merged.numeric());
            for (DriftResult r : evaluator.numeric(name, ref, state.numeric())) {
                rows.add(FeatureDriftRow.of(id, Subject.FEATURE, name, FeatureKind.NUMERIC, BaselineKind.WINDOW,
                        rollingId, r, ref.count(), state.numeric().sketch().n(), emittedAt));
            }
        } else {
            Map<String, Long> ref = DriftEvaluator.withOther(merged.categorical().counts());
            for (DriftResult r : evaluator.categorical(name, ref, state.categorical().counts())) {
                rows.add(FeatureDriftRow.of(id, Subject.FEATURE, name, FeatureKind.CATEGORICAL, BaselineKind.WINDOW,
                        rollingId, r, merged.categorical().counts().total(), state.categorical().counts().total(),
                        emittedAt));
            }
        }
        return rows;
    }

    private List<FeatureDriftRow> scoreRows(WindowId id, WindowAccumulator acc, ReferenceSet stored,
                                            Map<Long, WindowAccumulator> history, String rollingId, long emittedAt) {
        NumericReference ref = null;
        BaselineKind kind = BaselineKind.WINDOW;
        String baselineId = rollingId;
        ReferenceProfile profile = stored == null ? null : stored.profiles().get(WindowAccumulator.SCORE_FEATURE);
        if (profile != null && FeatureState.sameNumericFrame(stored.template().score, acc.score)) {
            ref = NumericReference.of(profile.numeric());
            kind = BaselineKind.TRAINING;
            baselineId = stored.baselineId();
        } else {
            NumericWindowState merged = null;
            for (WindowAccumulator earlier : history.values()) {
                if (FeatureState.sameNumericFrame(earlier.score, acc.score)) {
                    if (merged == null) {
                        merged = earlier.score.copy();
                    } else {
                        merged.merge(earlier.score);
                    }
                }
            }
            if (merged != null && !merged.sketch().isEmpty()) {
                ref = NumericReference.of(merged);
            }
        }
        List<FeatureDriftRow> rows = new ArrayList<>();
        if (ref == null) {
            return rows;
        }
        for (DriftResult r : evaluator.numeric(WindowAccumulator.SCORE_FEATURE, ref, acc.score)) {
            rows.add(FeatureDriftRow.of(id, Subject.SCORE, WindowAccumulator.SCORE_FEATURE, FeatureKind.NUMERIC, kind,
                    baselineId, r, ref.count(), acc.score.sketch().n(), emittedAt));
        }
        return rows;
    }

    /** The merge of {@code name}'s states in {@code history} that share {@code state}'s frame, or null. */
    static FeatureState mergeHistory(String name, FeatureState state, Map<Long, WindowAccumulator> history) {
        FeatureState merged = null;
        for (WindowAccumulator earlier : history.values()) {
            FeatureState candidate = earlier.features.get(name);
            if (candidate == null || !candidate.sameFrame(state)) {
                continue;
            }
            if (merged == null) {
                merged = candidate.copy();
            } else if (merged.numeric() != null) {
                merged.numeric().merge(candidate.numeric());
            } else {
                merged.categorical().merge(candidate.categorical());
            }
        }
        return merged;
    }

    static String rollingId(Map<Long, WindowAccumulator> history, long windowSize) {
        if (history.isEmpty()) {
            return "";
        }
        long first = history.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = history.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        return Instant.ofEpochMilli(first) + "/" + Instant.ofEpochMilli(last + windowSize);
    }

    static VolumeRow volumeRow(WindowId id, WindowAccumulator acc, long emittedAt) {
        NumericWindowState score = acc.score;
        long scored = score.moments().count();
        double mean = scored == 0 ? Double.NaN : score.moments().mean();
        double std = scored == 0 ? Double.NaN : Math.sqrt(score.moments().populationVariance());
        Map<String, Long> classes = DriftEvaluator.withOther(acc.classes);
        String[] names = classes.keySet().toArray(new String[0]);
        long[] counts = classes.values().stream().mapToLong(Long::longValue).toArray();
        return new VolumeRow(id, acc.predictions, scored, scored == 0 ? 0.0 : mean * scored, mean, std,
                scored == 0 ? Double.NaN : score.moments().min(), scored == 0 ? Double.NaN : score.moments().max(),
                names, counts, 0, acc.featureOverflow, emittedAt);
    }

    static LatencyRow latencyRow(WindowId id, LatencySketch latency, long emittedAt) {
        LatencyQuantiles q = latency.quantiles();
        return new LatencyRow(id, latency.count(), latency.sum(), latency.min(), latency.max(), q.p50(), q.p90(),
                q.p95(), q.p99(), q.p999(), Base64.getEncoder().encodeToString(latency.toBytes()), emittedAt);
    }

    static DataQualityRow qualityRow(WindowId id, String feature, FeatureState state, long emittedAt) {
        QualityCounters q = state.numeric() != null ? state.numeric().quality()
                : state.categorical() != null ? state.categorical().quality() : null;
        if (q == null) {
            long nulls = state.pendingNulls();
            return new DataQualityRow(id, feature, nulls, nulls, 0, 0, 0, 0, 0, 0, emittedAt);
        }
        long outOfRange = state.framed() ? q.count(QualityIssue.OUT_OF_REFERENCE_RANGE) : 0;
        long unseen = state.framed() ? q.count(QualityIssue.UNSEEN_CATEGORY) : 0;
        return new DataQualityRow(id, feature, q.totalSeen(), q.count(QualityIssue.NULL), q.count(QualityIssue.NAN),
                q.count(QualityIssue.POSITIVE_INFINITY), q.count(QualityIssue.NEGATIVE_INFINITY), outOfRange, unseen,
                q.count(QualityIssue.TYPE_MISMATCH), emittedAt);
    }
}
