package io.driftwatch.flink.rows;

/** Where a drift row's reference came from ({@code feature_drift.baseline_kind}). */
public enum BaselineKind {
    /** A stored baseline (e.g. from training data). */
    TRAINING,
    /** Earlier windows of the same key (a rolling baseline). */
    WINDOW;

    /** The ClickHouse Enum8 value. */
    public String sqlValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
