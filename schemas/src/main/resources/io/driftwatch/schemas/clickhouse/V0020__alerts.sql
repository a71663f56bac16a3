-- Alert events (fired, reminder, resolved) per rule, series and window, as the alerting evaluator emits them
-- (io.driftwatch.alerting.eval.AlertEvent): the history behind every page, for audit and Grafana annotations.
-- Deterministic identity: a (rule, series) has at most one event of a kind per window, so the ORDER BY key is
-- (rule, model, version, segment, feature, window_start, kind). A job restarted from a checkpoint re-emits the
-- same rows with a later emitted_at; ReplacingMergeTree keeps the latest. Read with FINAL.
-- dedup_key is SHA-256 hex of (rule, series): the key PagerDuty and Alertmanager see, for joining with them.
-- Monthly partitions: alerts are sparse (a few rows per series per incident), daily parts would be tiny.
-- The partition is a function of window_start, which is in the key, so duplicates share a partition.
-- Codecs as the result tables: Delta+ZSTD on times, Gorilla+ZSTD on floats.
-- Retention: 400 days, as the metric rows, so an alert can always be shown next to the numbers behind it.
CREATE TABLE IF NOT EXISTS ${database}.alerts
(
    rule             LowCardinality(String) COMMENT 'rule name from the rules file',
    model_id         LowCardinality(String),
    model_version    LowCardinality(String),
    segment          LowCardinality(String) COMMENT 'segment value such as country=DE; empty string = all traffic',
    feature          LowCardinality(String) COMMENT 'feature or model output; empty for model-level metrics such as latency',
    window_start     DateTime64(3, 'UTC') COMMENT 'start of the window that caused the event' CODEC(Delta, ZSTD),
    window_end       DateTime64(3, 'UTC') COMMENT 'exclusive; the event time' CODEC(Delta, ZSTD),
    kind             Enum8('fired' = 1, 'reminder' = 2, 'resolved' = 3),
    dedup_key        String COMMENT 'SHA-256 hex of rule and series; stable across restarts and notifiers' CODEC(ZSTD),
    severity         Enum8('critical' = 1, 'error' = 2, 'warning' = 3, 'info' = 4),
    metric           LowCardinality(String) COMMENT 'metric family: feature_drift, score_drift, latency, data_quality, calibration, performance, change_point',
    test             LowCardinality(String) COMMENT 'drift test id or change detector; empty when none',
    condition        LowCardinality(String) COMMENT 'the rule condition, e.g. p99 > 250.0',
    value_name       LowCardinality(String) COMMENT 'the value compared, e.g. p99, p_value, statistic',
    value            Float64 COMMENT 'NaN when absent' CODEC(Gorilla, ZSTD),
    threshold        Float64 COMMENT 'alpha under a multiple-testing correction; NaN when absent' CODEC(Gorilla, ZSTD),
    statistic        Float64 COMMENT 'the row statistic; NaN when it has none' CODEC(Gorilla, ZSTD),
    p_value          Nullable(Float64) COMMENT 'NULL when the row has no p-value' CODEC(Gorilla, ZSTD),
    adjusted_p_value Nullable(Float64) COMMENT 'Bonferroni or Benjamini-Hochberg adjusted; NULL without a correction' CODEC(Gorilla, ZSTD),
    baseline         String COMMENT 'the reference the row compared against; empty when none',
    firing_since     DateTime64(3, 'UTC') COMMENT 'end of the window that fired the alert' CODEC(Delta, ZSTD),
    labels           Map(LowCardinality(String), String) COMMENT 'the rule labels',
    routes           Array(LowCardinality(String)) COMMENT 'notifier names the event was routed to',
    summary          String COMMENT 'the one-line summary sent to PagerDuty and Alertmanager' CODEC(ZSTD),
    dashboard_url    String CODEC(ZSTD),
    runbook_url      LowCardinality(String),
    emitted_at       DateTime64(3, 'UTC') COMMENT 'when the job emitted the row; the replacing version' CODEC(Delta, ZSTD)
)
ENGINE = ReplacingMergeTree(emitted_at)
PARTITION BY toYYYYMM(window_start)
ORDER BY (rule, model_id, model_version, segment, feature, window_start, kind)
TTL toDateTime(window_start) + INTERVAL 400 DAY
SETTINGS ttl_only_drop_parts = 1
COMMENT 'Alert events per rule, series and window (fired, reminder, resolved) with the values behind them; read with FINAL';
