-- Prediction latency per model, version, segment and window, in milliseconds.
-- sketch holds LatencySketch.toBytes() (a DDSketch with 1% relative accuracy), so quantiles over any range
-- of windows can be computed later by merging sketches (LatencySketch.fromBytes, merge).
-- Idempotent on replay: ReplacingMergeTree(emitted_at) on the window's identity; read with FINAL.
-- Retention: aggregates 400 days (a year plus a month, for year-over-year comparisons).
CREATE TABLE IF NOT EXISTS ${database}.latency
(
    model_id      LowCardinality(String),
    model_version LowCardinality(String),
    segment       LowCardinality(String) COMMENT 'segment value such as country=DE; empty string = all traffic',
    window_start  DateTime64(3, 'UTC') CODEC(Delta, ZSTD),
    window_end    DateTime64(3, 'UTC') COMMENT 'exclusive' CODEC(Delta, ZSTD),
    count         UInt64 COMMENT 'predictions with a latency' CODEC(T64, ZSTD),
    sum_ms        Float64 CODEC(Gorilla, ZSTD),
    min_ms        Float64 CODEC(Gorilla, ZSTD),
    max_ms        Float64 CODEC(Gorilla, ZSTD),
    p50_ms        Float64 COMMENT 'quantiles within 1% relative error; NaN when count = 0' CODEC(Gorilla, ZSTD),
    p90_ms        Float64 CODEC(Gorilla, ZSTD),
    p95_ms        Float64 CODEC(Gorilla, ZSTD),
    p99_ms        Float64 CODEC(Gorilla, ZSTD),
    p999_ms       Float64 CODEC(Gorilla, ZSTD),
    sketch        String COMMENT 'LatencySketch.toBytes(): merge these to get quantiles of any range' CODEC(ZSTD),
    emitted_at    DateTime64(3, 'UTC') COMMENT 'when the job emitted the row; the replacing version' CODEC(Delta, ZSTD)
)
ENGINE = ReplacingMergeTree(emitted_at)
PARTITION BY toYYYYMMDD(window_start)
ORDER BY (model_id, model_version, segment, window_start, window_end)
TTL toDateTime(window_start) + INTERVAL 400 DAY
SETTINGS ttl_only_drop_parts = 1
COMMENT 'Latency quantiles (ms) and mergeable sketches per model, version, segment and window; read with FINAL';
