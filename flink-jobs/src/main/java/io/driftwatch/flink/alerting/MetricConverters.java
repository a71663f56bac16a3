package io.driftwatch.flink.alerting;

import io.driftwatch.alerting.eval.MetricObservation;
import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.rules.MetricFamily;
import io.driftwatch.flink.rows.DataQualityRow;
import io.driftwatch.flink.rows.FeatureDriftRow;
import io.driftwatch.flink.rows.LatencyRow;
import io.driftwatch.flink.rows.WindowId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One converter per metric row type the job produces, row → {@link MetricObservation} with the value names of
 * {@link MetricFamily}. The same functions serve the stream ({@link AlertTopology}) and anything that replays
 * stored rows, so a rule sees the same numbers either way.
 *
 * <p>Not converted: {@code volume} rows (no alert family; the volume table has no rule values yet). Extension
 * point: the label pipeline's performance, calibration and change-point rows get a converter here (families
 * {@code PERFORMANCE}, {@code CALIBRATION}, {@code CHANGE_POINT} already exist in the rules) and their streams are
 * added in {@link AlertTopology#observations}.
 */
public final class MetricConverters {

    /** The value name of a drift row's own threshold (used by {@code drift_flag} rules' events). */
    public static final String THRESHOLD = "threshold";

    private MetricConverters() {
    }

    /**
     * A feature_drift row: subject {@code feature} → {@code feature_drift}, {@code score} → {@code score_drift},
     * other subjects (none yet) → empty. NaN p-values (distance tests) stay NaN: "no data" for p-value rules.
     */
    public static Optional<MetricObservation> featureDrift(FeatureDriftRow r) {
        MetricFamily family;
        switch (r.subject()) {
            case FEATURE -> family = MetricFamily.FEATURE_DRIFT;
            case SCORE -> family = MetricFamily.SCORE_DRIFT;
            default -> {
                return Optional.empty();
            }
        }
        Map<String, Double> values = new HashMap<>();
        values.put("statistic", r.statistic());
        values.put(MetricFamily.P_VALUE, r.pValue());
        values.put("error_bound", r.errorBound());
        values.put("n_reference", (double) r.nReference());
        values.put("n_current", (double) r.nCurrent());
        values.put(THRESHOLD, r.threshold());
        return Optional.of(observation(family, r.window(), r.feature(), r.test(), values, r.drift(),
                baseline(r.baselineKind().sqlValue(), r.baselineId())));
    }

    /** A latency row (ms); {@code mean} = sum / count, NaN for an empty window. */
    public static MetricObservation latency(LatencyRow r) {
        Map<String, Double> values = new HashMap<>();
        values.put("p50", r.p50Ms());
        values.put("p90", r.p90Ms());
        values.put("p95", r.p95Ms());
        values.put("p99", r.p99Ms());
        values.put("p999", r.p999Ms());
        values.put("mean", r.count() == 0 ? Double.NaN : r.sumMs() / r.count());
        values.put("max", r.count() == 0 ? Double.NaN : r.maxMs());
        values.put("count", (double) r.count());
        return observation(MetricFamily.LATENCY, r.window(), "", "", values, false, "");
    }

    /**
     * A data_quality row as rates in [0, 1] (issue count / values seen; infinite = both signs). With nothing
     * seen every rate is NaN (no data), {@code seen} is 0.
     */
    public static MetricObservation dataQuality(DataQualityRow r) {
        Map<String, Double> values = new HashMap<>();
        values.put("null_rate", rate(r.nullCount(), r.seen()));
        values.put("nan_rate", rate(r.nanCount(), r.seen()));
        values.put("infinite_rate", rate(r.positiveInfinityCount() + r.negativeInfinityCount(), r.seen()));
        values.put("out_of_range_rate", rate(r.outOfRangeCount(), r.seen()));
        values.put("unseen_category_rate", rate(r.unseenCategoryCount(), r.seen()));
        values.put("type_mismatch_rate", rate(r.typeMismatchCount(), r.seen()));
        values.put("seen", (double) r.seen());
        return observation(MetricFamily.DATA_QUALITY, r.window(), r.feature(), "", values, false, "");
    }

    /** How a drift row's reference is named in alerts: {@code training:<id>}, or the kind alone without an id. */
    public static String baseline(String kind, String id) {
        return id.isEmpty() ? kind : kind + ":" + id;
    }

    private static double rate(long count, long seen) {
        return seen == 0 ? Double.NaN : (double) count / seen;
    }

    private static MetricObservation observation(MetricFamily family, WindowId w, String feature, String test,
                                                 Map<String, Double> values, boolean drift, String baseline) {
        return new MetricObservation(family, new SeriesKey(w.modelId(), w.modelVersion(), w.segment(), feature), test,
                Instant.ofEpochMilli(w.windowStart()), Instant.ofEpochMilli(w.windowEnd()), values, drift, baseline);
    }
}
