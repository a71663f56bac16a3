-- Input records the pipeline could not use, with where they came from and why.
-- Identity is the Kafka coordinate (topic, partition, offset): a replay re-ingests the same record with a
-- later ingested_at and ReplacingMergeTree keeps one. The partition derives from record_time, the Kafka
-- record timestamp, which a replay does not change (ingested_at would split duplicates across partitions).
-- payload holds at most the first 262144 bytes of the record (DeadLetter.MAX_PAYLOAD_BYTES in io.driftwatch.schemas.events;
-- payload_bytes is the original size): enough to
-- debug a schema problem, small enough that a flood of bad records cannot bloat the table.
-- Retention: dead letters 30 days (long enough to investigate and replay, short enough for raw payloads).
CREATE TABLE IF NOT EXISTS ${database}.dead_letters
(
    source_topic     LowCardinality(String),
    source_partition Int32,
    source_offset    Int64 CODEC(Delta, ZSTD),
    record_time      DateTime64(3, 'UTC') COMMENT 'Kafka record timestamp' CODEC(Delta, ZSTD),
    ingested_at      DateTime64(3, 'UTC') COMMENT 'when the job rejected it; the replacing version' CODEC(Delta, ZSTD),
    model_id         LowCardinality(String) COMMENT 'empty when the record was too broken to tell',
    reason           LowCardinality(String) COMMENT 'machine-readable cause, e.g. malformed_json, schema_violation',
    detail           String COMMENT 'human-readable explanation' CODEC(ZSTD),
    payload          String COMMENT 'the record value, truncated to its first 262144 bytes' CODEC(ZSTD),
    payload_bytes    UInt32 COMMENT 'size of the record value before truncation',
    payload_truncated Bool MATERIALIZED payload_bytes > length(payload)
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMMDD(record_time)
ORDER BY (source_topic, source_partition, source_offset)
TTL toDateTime(record_time) + INTERVAL 30 DAY
SETTINGS ttl_only_drop_parts = 1
COMMENT 'Rejected input records with source coordinates, reason and truncated payload; read with FINAL';
