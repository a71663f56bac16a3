-- A sample of raw predictions, for drill-down from an aggregate to the events behind it.
-- Identity is (model_id, model_version, event_time, prediction_id): a replay re-sends the same event and
-- ReplacingMergeTree(ingested_at) keeps one; event_time also fixes the partition.
-- sample_rate lets analysts scale counts back up (count() / sample_rate estimates the full volume).
-- Retention: raw predictions 30 days (drill-down into recent incidents; aggregates keep the long history).
CREATE TABLE IF NOT EXISTS ${database}.predictions_raw
(
    model_id      LowCardinality(String),
    model_version LowCardinality(String),
    prediction_id String,
    event_time    DateTime64(3, 'UTC') CODEC(Delta, ZSTD),
    ingested_at   DateTime64(3, 'UTC') COMMENT 'when the job wrote it; the replacing version' CODEC(Delta, ZSTD),
    segments      Map(LowCardinality(String), String) COMMENT 'segment dimension -> value, e.g. country -> DE',
    features      Map(LowCardinality(String), String) COMMENT 'feature -> value as text' CODEC(ZSTD),
    score         Float64 CODEC(Gorilla, ZSTD),
    predicted_class LowCardinality(String) COMMENT 'empty for regression',
    latency_ms    Nullable(Float64) COMMENT 'NULL when the event carried no latency',
    sample_rate   Float32 COMMENT 'fraction of predictions kept, in (0, 1]'
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMMDD(event_time)
ORDER BY (model_id, model_version, event_time, prediction_id)
TTL toDateTime(event_time) + INTERVAL 30 DAY
SETTINGS ttl_only_drop_parts = 1
COMMENT 'Sampled raw predictions for drill-down (30 days); read with FINAL';
