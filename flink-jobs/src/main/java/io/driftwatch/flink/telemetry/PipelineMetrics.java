package io.driftwatch.flink.telemetry;

/**
 * Names of the Flink metrics the pipeline's operators register, all under the group {@value #GROUP}.
 * Per-reason counters sit in a sub-group {@value #REASON_TAG} = reason id, which reporters turn into a tag.
 */
public final class PipelineMetrics {
    public static final String GROUP = "driftwatch";
    public static final String REASON_TAG = "reason";
    /** Records read from the predictions topic. */
    public static final String EVENTS_IN = "events_in";
    /** Records that failed to parse, per reason. */
    public static final String PARSE_ERRORS = "parse_errors";
    /** Dead letters routed to the dead-letter outputs. */
    public static final String DEAD_LETTERED = "dead_lettered";
    /** Valid events that arrived after their window had fired (to the late side output). */
    public static final String LATE_EVENTS = "late_events";
    public static final String WINDOWS_EMITTED = "windows_emitted";
    /** Windows emitted without any reference (volume, latency and quality only). */
    public static final String WINDOWS_WITHOUT_BASELINE = "windows_without_baseline";
    /** Feature values ignored because the model exceeded {@code limits.max_features}. */
    public static final String FEATURE_OVERFLOW = "feature_overflow";
    /**
     * Gauge: seconds since the stored baseline in use was made, per model, version and segment sub-group
     * ({@link BaselineAgeGauges}).
     */
    public static final String BASELINE_AGE_SECONDS = "baseline_age_seconds";
    /** Sub-group keys of the per-baseline gauges. */
    public static final String MODEL_TAG = "model";
    public static final String VERSION_TAG = "version";
    public static final String SEGMENT_TAG = "segment";
    /** Predictions sampled into {@code predictions_raw}. */
    public static final String RAW_PREDICTIONS_SAMPLED = "raw_predictions_sampled";
    /** Events whose segment value or segment was folded past its limit ({@code source.CardinalityGuard}). */
    public static final String SEGMENT_OVERFLOW = "segment_overflow";
    /** Categorical values folded into {@code __other__} past {@code limits.max_categories_per_feature}. */
    public static final String CATEGORY_OVERFLOW = "category_overflow";

    /** Sub-group key naming the ClickHouse table of the sink metrics below. */
    public static final String TABLE_TAG = "table";
    /** Rows a ClickHouse sink wrote. */
    public static final String SINK_ROWS = "sink_rows";
    /** Batches a ClickHouse sink wrote. */
    public static final String SINK_BATCHES = "sink_batches";
    /** Failed batch inserts (each retried with backoff until the retries run out). */
    public static final String SINK_FAILURES = "sink_failures";
    /** Duration of the last successful batch insert, in milliseconds. */
    public static final String SINK_BATCH_MILLIS = "sink_batch_millis";

    private PipelineMetrics() {}
    /** Label records read (valid or not). */
    public static final String LABELS_IN = "labels_in";
    /** Labels joined with their prediction. */
    public static final String LABELS_JOINED = "labels_joined";
    /** Labels the join rejected, tagged by {@link #REASON_TAG}. */
    public static final String LABELS_REJECTED = "labels_rejected";
}
