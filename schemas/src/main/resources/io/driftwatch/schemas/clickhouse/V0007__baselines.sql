-- Reference profiles (one per model, version and feature) that drift is measured against.
-- A new baseline for the same feature replaces the old one: ReplacingMergeTree(created_at) keyed on
-- (model_id, model_version, feature); read with FINAL (or argMax(..., created_at)) for the latest.
-- Small (features x versions), so neither partitioned nor expired.
CREATE TABLE IF NOT EXISTS ${database}.baselines
(
    model_id       LowCardinality(String),
    model_version  LowCardinality(String),
    feature        String,
    kind           Enum8('numeric' = 1, 'categorical' = 2),
    format_version UInt8 COMMENT 'ProfileCodec.FORMAT_VERSION of profile_json and profile_base64',
    row_count      UInt64 COMMENT 'values the profile was built from',
    profile_json   String COMMENT 'ProfileCodec.toJson: edges, bin counts, moments, categories' CODEC(ZSTD),
    profile_base64 String COMMENT 'base64 of ProfileCodec.toBytes, the form the jobs decode' CODEC(ZSTD),
    source         String COMMENT 'where the profile came from, e.g. the training file',
    created_at     DateTime64(3, 'UTC') COMMENT 'when the baseline was saved; the replacing version'
)
ENGINE = ReplacingMergeTree(created_at)
ORDER BY (model_id, model_version, feature)
COMMENT 'Reference profile per model, version and feature; the latest created_at wins; read with FINAL';
