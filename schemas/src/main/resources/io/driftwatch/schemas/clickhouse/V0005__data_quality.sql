-- Data-quality counters per model, version, segment, feature and window, one column per QualityIssue.
-- An observation can carry more than one issue only where QualityIssue documents it (an out-of-range
-- value is still a valid value), so rates are <issue>_count / seen.
-- Idempotent on replay: ReplacingMergeTree(emitted_at) on the window's identity; read with FINAL.
-- Retention: aggregates 400 days (a year plus a month, for year-over-year comparisons).
CREATE TABLE IF NOT EXISTS ${database}.data_quality
(
    model_id                LowCardinality(String),
    model_version           LowCardinality(String),
    segment                 LowCardinality(String) COMMENT 'segment value such as country=DE; empty string = all traffic',
    feature                 LowCardinality(String),
    window_start            DateTime64(3, 'UTC') CODEC(Delta, ZSTD),
    window_end              DateTime64(3, 'UTC') COMMENT 'exclusive' CODEC(Delta, ZSTD),
    seen                    UInt64 COMMENT 'observations of the feature, valid or not' CODEC(T64, ZSTD),
    null_count              UInt64 COMMENT 'missing values' CODEC(T64, ZSTD),
    nan_count               UInt64 CODEC(T64, ZSTD),
    positive_infinity_count UInt64 CODEC(T64, ZSTD),
    negative_infinity_count UInt64 CODEC(T64, ZSTD),
    infinite_count          UInt64 ALIAS positive_infinity_count + negative_infinity_count,
    out_of_range_count      UInt64 COMMENT 'finite values outside the reference [min, max]' CODEC(T64, ZSTD),
    unseen_category_count   UInt64 COMMENT 'categories absent from the reference' CODEC(T64, ZSTD),
    type_mismatch_count     UInt64 COMMENT 'values of the wrong type, e.g. text for a numeric feature' CODEC(T64, ZSTD),
    emitted_at              DateTime64(3, 'UTC') COMMENT 'when the job emitted the row; the replacing version' CODEC(Delta, ZSTD)
)
ENGINE = ReplacingMergeTree(emitted_at)
PARTITION BY toYYYYMMDD(window_start)
ORDER BY (model_id, model_version, segment, feature, window_start, window_end)
TTL toDateTime(window_start) + INTERVAL 400 DAY
SETTINGS ttl_only_drop_parts = 1
COMMENT 'Data-quality issue counts per model, version, segment, feature and window; read with FINAL';
