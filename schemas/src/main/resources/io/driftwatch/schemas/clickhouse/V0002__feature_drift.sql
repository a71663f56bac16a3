-- Drift test results per model, version, segment, feature (or model output) and window.
-- Score drift is folded in: subject = 'score' rows describe the model's output distribution, feature then
-- names the output (e.g. 'score'); one table keeps one sink, one schema and one Grafana query for both.
-- Idempotent on replay: a job restarted from a checkpoint re-emits a window with the same ORDER BY key and
-- a later emitted_at; ReplacingMergeTree keeps the latest. Read with FINAL (or argMax) to see one row.
-- The partition is a function of window_start, which is in the key, so duplicates share a partition
-- (ReplacingMergeTree only deduplicates within a partition).
-- Codecs (all result tables): Delta+ZSTD on times (regular steps within a series), Gorilla+ZSTD on floats
-- (rows are sorted by series, then time, so consecutive values are close), T64+ZSTD on counts.
-- Retention: aggregates 400 days (a year plus a month, for year-over-year comparisons).
CREATE TABLE IF NOT EXISTS ${database}.feature_drift
(
    model_id      LowCardinality(String),
    model_version LowCardinality(String),
    segment       LowCardinality(String) COMMENT 'segment value such as country=DE; empty string = all traffic',
    subject       Enum8('feature' = 1, 'score' = 2) COMMENT 'feature: an input feature; score: the model output',
    feature       LowCardinality(String) COMMENT 'feature name, or the output name when subject = score',
    feature_kind  Enum8('numeric' = 1, 'categorical' = 2),
    window_start  DateTime64(3, 'UTC') CODEC(Delta, ZSTD),
    window_end    DateTime64(3, 'UTC') COMMENT 'exclusive' CODEC(Delta, ZSTD),
    test          LowCardinality(String) COMMENT 'drift test id, e.g. ks, psi, jensenshannon, chisquare',
    baseline_kind Enum8('training' = 1, 'window' = 2) COMMENT 'training: a stored baseline; window: an earlier window',
    baseline_id   String COMMENT 'which baseline: the baselines.created_at of a training baseline, or the reference window',
    statistic     Float64 CODEC(Gorilla, ZSTD),
    p_value       Nullable(Float64) COMMENT 'NULL for distance tests, which have no p-value' CODEC(Gorilla, ZSTD),
    threshold     Float64 CODEC(Gorilla, ZSTD),
    drift         Bool,
    error_bound   Float64 COMMENT 'absolute error bound of statistic when computed on sketches; 0 when exact' CODEC(Gorilla, ZSTD),
    n_reference   UInt64 CODEC(T64, ZSTD),
    n_current     UInt64 CODEC(T64, ZSTD),
    emitted_at    DateTime64(3, 'UTC') COMMENT 'when the job emitted the row; the replacing version' CODEC(Delta, ZSTD)
)
ENGINE = ReplacingMergeTree(emitted_at)
PARTITION BY toYYYYMMDD(window_start)
ORDER BY (model_id, model_version, segment, subject, feature, test, baseline_kind, window_start, window_end)
TTL toDateTime(window_start) + INTERVAL 400 DAY
SETTINGS ttl_only_drop_parts = 1
COMMENT 'Drift test results per model, version, segment, feature or score, test and window; read with FINAL';
