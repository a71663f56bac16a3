-- Prediction volume and label-free output statistics per model, version, segment and window.
-- Idempotent on replay: ReplacingMergeTree(emitted_at) on the window's identity; read with FINAL.
-- Retention: aggregates 400 days (a year plus a month, for year-over-year comparisons).
CREATE TABLE IF NOT EXISTS ${database}.volume
(
    model_id      LowCardinality(String),
    model_version LowCardinality(String),
    segment       LowCardinality(String) COMMENT 'segment value such as country=DE; empty string = all traffic',
    window_start  DateTime64(3, 'UTC') CODEC(Delta, ZSTD),
    window_end    DateTime64(3, 'UTC') COMMENT 'exclusive' CODEC(Delta, ZSTD),
    predictions   UInt64 COMMENT 'predictions in the window' CODEC(T64, ZSTD),
    scored        UInt64 COMMENT 'predictions with a finite score (the score_* statistics cover these)' CODEC(T64, ZSTD),
    score_sum     Float64 COMMENT 'sum of scores, so means roll up over windows' CODEC(Gorilla, ZSTD),
    score_mean    Float64 COMMENT 'NaN when scored = 0' CODEC(Gorilla, ZSTD),
    score_std     Float64 COMMENT 'population standard deviation; NaN when scored = 0' CODEC(Gorilla, ZSTD),
    score_min     Float64 CODEC(Gorilla, ZSTD),
    score_max     Float64 CODEC(Gorilla, ZSTD),
    class_counts  Map(LowCardinality(String), UInt64) COMMENT 'predicted class -> count; empty for regression',
    late_events   UInt64 COMMENT 'events that arrived after the window closed and were not counted' CODEC(T64, ZSTD),
    emitted_at    DateTime64(3, 'UTC') COMMENT 'when the job emitted the row; the replacing version' CODEC(Delta, ZSTD)
)
ENGINE = ReplacingMergeTree(emitted_at)
PARTITION BY toYYYYMMDD(window_start)
ORDER BY (model_id, model_version, segment, window_start, window_end)
TTL toDateTime(window_start) + INTERVAL 400 DAY
SETTINGS ttl_only_drop_parts = 1
COMMENT 'Predictions per model, version, segment and window, with label-free score statistics; read with FINAL';
