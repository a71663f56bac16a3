package io.driftwatch.flink.alerting;

import io.driftwatch.alerting.eval.MetricObservation;
import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.rules.MetricFamily;
import io.driftwatch.flink.rows.DataQualityRow;
import io.driftwatch.flink.rows.FeatureDriftRow;
import io.driftwatch.flink.rows.LatencyRow;
import io.driftwatch.flink.rows.WindowId;
import io.driftwatch.schemas.tables.ChangePointRow;
import io.driftwatch.schemas.tables.PerformanceRow;
import io.driftwatch.schemas.tables.WindowKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One converter per metric row type the job produces, row → {@link MetricObservation} with the value names of
 * {@link MetricFamily}. The same functions serve the stream ({@link AlertTopology}) and anything that replays
 * stored rows, so a rule sees the same numbers either way.
 *
 * <p>Label metrics: a performance row gives a {@code calibration} and a {@code performance} observation, a change
 * point a {@code change_point} observation, a label drift row (feature_drift, subject {@code label}) a
 * {@code feature_drift} observation with feature {@code label}. Performance and label drift rows are revised as
 * labels arrive; which revision a rule judges is decided by the rule's {@code evaluate_after} (see
 * {@link RuleRouter}).
 *
 * <p>Not converted: {@code volume} rows (no alert family; the volume table has no rule values yet).
 */
public final class MetricConverters {

    /** The value name of a drift row's own threshold (used by {@code drift_flag} rules' events). */
    public static final String THRESHOLD = "threshold";

    private MetricConverters() {
    }

    /** Value name of a performance row's label coverage (labelled / predictions), kept when {@code estimated}. */
    public static final String COVERAGE = "coverage";
    /** A change point's series is (model, version, segment, stream) and lasts this long from its detection. */
    public static final long CHANGE_POINT_WINDOW_MILLIS = 1;

    /**
     * A feature_drift row: subject {@code feature} and {@code label} (label drift, feature {@code label}) →
     * {@code feature_drift}, {@code score} → {@code score_drift}. NaN p-values (distance tests) stay NaN: "no data"
     * for p-value rules. Label drift rows are revised with their window's performance row.
     */
    public static Optional<MetricObservation> featureDrift(FeatureDriftRow r) {
        MetricFamily family = switch (r.subject()) {
            case FEATURE, LABEL -> MetricFamily.FEATURE_DRIFT;
            case SCORE -> MetricFamily.SCORE_DRIFT;
        };
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

    /**
     * A performance row's calibration: {@code ece}, {@code mce}, {@code adaptive_ece} (the row's {@code ace}),
     * {@code brier}, {@code log_loss}. All NaN ("no data": a rule neither fires nor resolves) while the row is
     * {@code estimated} (coverage below the model's min_coverage), and NaN where the task has none (regression).
     */
    public static MetricObservation calibration(PerformanceRow r) {
        PerformanceRow.Metrics m = r.metrics();
        boolean realized = !r.estimate().estimated();
        Map<String, Double> values = new HashMap<>();
        values.put("ece", realized(realized, m.ece()));
        values.put("mce", realized(realized, m.mce()));
        values.put("adaptive_ece", realized(realized, m.ace()));
        values.put("brier", realized(realized, m.brier()));
        values.put("log_loss", realized(realized, m.logLoss()));
        return observation(MetricFamily.CALIBRATION, r.window(), values);
    }

    /**
     * A performance row's realized metrics (NaN while {@code estimated}, and where the task has none) plus
     * {@code labelled} and {@code coverage} (labelled / predictions, NaN without predictions), which are kept
     * whatever the coverage so a rule can watch the labels themselves.
     */
    public static MetricObservation performance(PerformanceRow r) {
        PerformanceRow.Metrics m = r.metrics();
        boolean realized = !r.estimate().estimated();
        Map<String, Double> values = new HashMap<>();
        values.put("roc_auc", realized(realized, m.rocAuc()));
        values.put("average_precision", realized(realized, m.averagePrecision()));
        values.put("precision", realized(realized, m.precision()));
        values.put("recall", realized(realized, m.recall()));
        values.put("f1", realized(realized, m.f1()));
        values.put("accuracy", realized(realized, m.accuracy()));
        values.put("mae", realized(realized, m.mae()));
        values.put("rmse", realized(realized, m.rmse()));
        values.put("mape", realized(realized, m.mape()));
        values.put("r2", realized(realized, m.r2()));
        values.put("labelled", (double) r.counts().labelled());
        values.put(COVERAGE, r.counts().coverage());
        return observation(MetricFamily.PERFORMANCE, r.window(), values);
    }

    /**
     * A change point: series feature = the monitored stream (e.g. {@code error}), test = the detector, a window of
     * {@link #CHANGE_POINT_WINDOW_MILLIS} at {@code detected_at}, drift flag set, {@code changes} = 1,
     * {@code value} = the mean after the change (NaN when the detector does not say, as ADWIN), {@code warnings}
     * NaN (the table stores changes only).
     */
    public static MetricObservation changePoint(ChangePointRow r) {
        Map<String, Double> values = new HashMap<>();
        values.put("changes", 1.0);
        values.put("warnings", Double.NaN);
        values.put("value", r.meanAfter());
        return new MetricObservation(MetricFamily.CHANGE_POINT,
                new SeriesKey(r.modelId(), r.modelVersion(), r.segment(), r.stream()), r.detector(), r.detectedAt(),
                r.detectedAt().plusMillis(CHANGE_POINT_WINDOW_MILLIS), values, true, "");
    }

    private static double realized(boolean realized, double value) {
        return realized ? value : Double.NaN;
    }

    private static MetricObservation observation(MetricFamily family, WindowKey w, Map<String, Double> values) {
        return new MetricObservation(family, new SeriesKey(w.modelId(), w.modelVersion(), w.segment(), ""), "",
                w.start(), w.end(), values, false, "");
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
