-- Demo-independent table for the foundation test: proves DateTime64/LowCardinality round trips.
CREATE TABLE IF NOT EXISTS ${database}.smoke_events
(
    event_time DateTime64(3, 'UTC'),
    model_id   LowCardinality(String),
    feature    String,
    value      Float64,
    seq        UInt64
)
ENGINE = MergeTree
PARTITION BY toDate(event_time)
ORDER BY (model_id, seq);
