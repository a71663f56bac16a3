package io.driftwatch.alerting.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of metric rows the pipeline produces, with the value names a rule's condition may use and
 * whether rows carry a drift (or change) flag and a feature. Names follow the ClickHouse result tables
 * (feature_drift, latency, data_quality, ...); latency values are milliseconds, data-quality values are rates
 * in [0, 1] (issue count / values seen).
 */
public enum MetricFamily {

    FEATURE_DRIFT(true, true, Set.of("statistic", "p_value", "error_bound", "n_reference", "n_current")),
    SCORE_DRIFT(true, true, Set.of("statistic", "p_value", "error_bound", "n_reference", "n_current")),
    LATENCY(false, false, Set.of("p50", "p90", "p95", "p99", "p999", "mean", "max", "count")),
    DATA_QUALITY(false, true, Set.of("null_rate", "nan_rate", "infinite_rate", "out_of_range_rate",
            "unseen_category_rate", "type_mismatch_rate", "seen")),
    CALIBRATION(false, false, Set.of("ece", "mce", "adaptive_ece", "brier", "log_loss")),
    PERFORMANCE(false, false, Set.of("roc_auc", "average_precision", "precision", "recall", "f1", "accuracy",
            "mae", "rmse", "mape", "r2", "labelled", "coverage")),
    CHANGE_POINT(true, true, Set.of("changes", "warnings", "value"));

    /** Families whose rows are re-emitted with a higher revision as labels arrive (the performance table). */
    private static final Set<MetricFamily> REVISED = Set.of(CALIBRATION, PERFORMANCE);

    /** The value name of a p-value, the only one a multiple-testing correction applies to. */
    public static final String P_VALUE = "p_value";

    private final boolean hasDriftFlag;
    private final boolean hasFeature;
    private final Set<String> valueNames;

    MetricFamily(boolean hasDriftFlag, boolean hasFeature, Set<String> valueNames) {
        this.hasDriftFlag = hasDriftFlag;
        this.hasFeature = hasFeature;
        this.valueNames = valueNames;
    }

    /** Whether rows carry a boolean decision (drift, or a detected change) that {@code drift_flag: true} tests. */
    public boolean hasDriftFlag() {
        return hasDriftFlag;
    }

    /** Whether a series of this family names a feature (or model output); otherwise the feature is "". */
    public boolean hasFeature() {
        return hasFeature;
    }

    /**
     * Whether every row of this family is revised as labels arrive, so a rule must say when a window is judged
     * ({@code evaluate_after}). Label drift rows ({@code feature_drift}, feature {@code label}) are revised too, but
     * the family is not: for them {@code evaluate_after} is optional.
     */
    public boolean revised() {
        return REVISED.contains(this);
    }

    public Set<String> valueNames() {
        return valueNames;
    }

    /** The name used in rules files, e.g. {@code feature_drift}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MetricFamily> fromYaml(String name) {
        return Arrays.stream(values()).filter(f -> f.yamlName().equals(name)).findFirst();
    }
}
