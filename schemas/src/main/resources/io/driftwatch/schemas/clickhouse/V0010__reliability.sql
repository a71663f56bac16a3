-- Reliability diagram per model, version, segment and prediction-time window (binary models): one row per
-- equal-width score bin, revised with the window's performance row (same emitted_at). Read with FINAL.
CREATE TABLE IF NOT EXISTS ${database}.reliability
(
    model_id          LowCardinality(String),
    model_version     LowCardinality(String),
    segment           LowCardinality(String) COMMENT 'segment value such as country=DE; empty string = all traffic',
    window_start      DateTime64(3, 'UTC') COMMENT 'prediction-time window start' CODEC(Delta, ZSTD),
    window_end        DateTime64(3, 'UTC') COMMENT 'exclusive' CODEC(Delta, ZSTD),
    bin               UInt16 COMMENT '0-based bin index',
    lower             Float64 COMMENT 'bin score range [lower, upper)' CODEC(Gorilla, ZSTD),
    upper             Float64 CODEC(Gorilla, ZSTD),
    count             UInt64 COMMENT 'labelled predictions in the bin' CODEC(T64, ZSTD),
    mean_predicted    Float64 COMMENT 'NaN when count = 0' CODEC(Gorilla, ZSTD),
    fraction_positive Float64 COMMENT 'observed positive rate; NaN when count = 0' CODEC(Gorilla, ZSTD),
    emitted_at        DateTime64(3, 'UTC') COMMENT 'when the job emitted the row; the replacing version' CODEC(Delta, ZSTD)
)
ENGINE = ReplacingMergeTree(emitted_at)
PARTITION BY toYYYYMMDD(window_start)
ORDER BY (model_id, model_version, segment, window_start, window_end, bin)
TTL toDateTime(window_start) + INTERVAL 400 DAY
SETTINGS ttl_only_drop_parts = 1
COMMENT 'Reliability diagram bins per prediction-time window, revised as labels arrive; read with FINAL';
