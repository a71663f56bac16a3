package io.driftwatch.flink.rows;

/** What a drift row describes ({@code feature_drift.subject}). */
public enum Subject {
    /** An input feature. */
    FEATURE,
    /** The model's binary score. */
    SCORE,
    /** The delayed label (class balance; from the label pipeline). */
    LABEL;

    /** The ClickHouse Enum8 value. */
    public String sqlValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
