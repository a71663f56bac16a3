-- Change points found by a change detector (ADWIN, DDM, ...) on a model's per-prediction error stream, in
-- label event-time order. Deterministic identity (model, version, segment, detector, detected_at), so a replay
-- re-emits the same rows. Monthly partitions: change points are rare. Read with FINAL.
CREATE TABLE IF NOT EXISTS ${database}.change_points
(
    model_id        LowCardinality(String),
    model_version   LowCardinality(String),
    segment         LowCardinality(String) COMMENT 'segment value such as country=DE; empty string = all traffic',
    detector        LowCardinality(String) COMMENT 'change detector id, e.g. adwin, ddm',
    stream          LowCardinality(String) COMMENT 'the monitored stream, e.g. error (1 - correct) or abs_error',
    detected_at     DateTime64(3, 'UTC') COMMENT 'event time of the label at which the change was signalled' CODEC(Delta, ZSTD),
    window_start    DateTime64(3, 'UTC') COMMENT 'prediction-time window of that labelled prediction' CODEC(Delta, ZSTD),
    observations    UInt64 COMMENT 'labels seen by the detector up to the change' CODEC(T64, ZSTD),
    mean_before     Float64 COMMENT 'stream mean before the change; NaN when the detector does not say' CODEC(Gorilla, ZSTD),
    mean_after      Float64 COMMENT 'stream mean after the change; NaN when the detector does not say' CODEC(Gorilla, ZSTD),
    emitted_at      DateTime64(3, 'UTC') COMMENT 'when the job emitted the row; the replacing version' CODEC(Delta, ZSTD)
)
ENGINE = ReplacingMergeTree(emitted_at)
PARTITION BY toYYYYMM(detected_at)
ORDER BY (model_id, model_version, segment, detector, stream, detected_at)
TTL toDateTime(detected_at) + INTERVAL 400 DAY
SETTINGS ttl_only_drop_parts = 1
COMMENT 'Change points on per-model error streams; read with FINAL';
