-- Classification and regression performance per model, version, segment and PREDICTION-time window, once labels
-- arrive (a label counts toward the window in which its prediction was made, however late it comes).
-- Revisions: as labels trickle in for an old window, the job re-emits the window's whole row with revision + 1
-- and a later emitted_at; ReplacingMergeTree(emitted_at) keeps the latest, so "the latest metrics of window W"
-- is a plain SELECT ... FINAL WHERE window_start = W. A replay re-emits the same revisions (idempotent).
-- Metrics that do not apply to the model's task, or need labels the window lacks, are NaN.
-- estimated = 1: coverage is below the model's min_coverage, so the realized metrics rest on few labels;
-- the estimated_* columns (CBPE: expected confusion from calibrated scores) are filled for binary models always.
-- Retention: 400 days, as the other aggregates.
CREATE TABLE IF NOT EXISTS ${database}.performance
(
    model_id            LowCardinality(String),
    model_version       LowCardinality(String),
    segment             LowCardinality(String) COMMENT 'segment value such as country=DE; empty string = all traffic',
    window_start        DateTime64(3, 'UTC') COMMENT 'prediction-time window start' CODEC(Delta, ZSTD),
    window_end          DateTime64(3, 'UTC') COMMENT 'exclusive' CODEC(Delta, ZSTD),
    task                Enum8('binary' = 1, 'multiclass' = 2, 'regression' = 3),
    predictions         UInt64 COMMENT 'predictions made in the window' CODEC(T64, ZSTD),
    labelled            UInt64 COMMENT 'of those, predictions with a label so far' CODEC(T64, ZSTD),
    coverage            Float64 COMMENT 'labelled / predictions; NaN when predictions = 0' CODEC(Gorilla, ZSTD),
    label_delay_p50_s   Float64 COMMENT 'label event time minus prediction event time, seconds; NaN without labels' CODEC(Gorilla, ZSTD),
    label_delay_p90_s   Float64 CODEC(Gorilla, ZSTD),
    label_delay_p99_s   Float64 CODEC(Gorilla, ZSTD),
    label_delay_max_s   Float64 CODEC(Gorilla, ZSTD),
    threshold           Float64 COMMENT 'decision threshold of binary models; NaN otherwise' CODEC(Gorilla, ZSTD),
    ece                 Float64 CODEC(Gorilla, ZSTD),
    mce                 Float64 CODEC(Gorilla, ZSTD),
    ace                 Float64 COMMENT 'adaptive (equal-mass) ECE' CODEC(Gorilla, ZSTD),
    brier               Float64 CODEC(Gorilla, ZSTD),
    log_loss            Float64 CODEC(Gorilla, ZSTD),
    roc_auc             Float64 CODEC(Gorilla, ZSTD),
    average_precision   Float64 CODEC(Gorilla, ZSTD),
    precision           Float64 CODEC(Gorilla, ZSTD),
    recall              Float64 CODEC(Gorilla, ZSTD),
    f1                  Float64 CODEC(Gorilla, ZSTD),
    accuracy            Float64 COMMENT 'binary at threshold, or multiclass top-1' CODEC(Gorilla, ZSTD),
    tp                  UInt64 CODEC(T64, ZSTD),
    fp                  UInt64 CODEC(T64, ZSTD),
    tn                  UInt64 CODEC(T64, ZSTD),
    fn                  UInt64 CODEC(T64, ZSTD),
    macro_f1            Float64 COMMENT 'multiclass' CODEC(Gorilla, ZSTD),
    mae                 Float64 COMMENT 'regression' CODEC(Gorilla, ZSTD),
    rmse                Float64 CODEC(Gorilla, ZSTD),
    mape                Float64 CODEC(Gorilla, ZSTD),
    r2                  Float64 CODEC(Gorilla, ZSTD),
    estimated           Bool COMMENT 'coverage below min_coverage: prefer the estimated_* columns' ,
    estimated_accuracy  Float64 COMMENT 'CBPE from all predictions of the window (binary); NaN otherwise' CODEC(Gorilla, ZSTD),
    estimated_precision Float64 CODEC(Gorilla, ZSTD),
    estimated_recall    Float64 CODEC(Gorilla, ZSTD),
    estimated_f1        Float64 CODEC(Gorilla, ZSTD),
    revision            UInt32 COMMENT 'emissions of this window so far; grows as labels arrive' CODEC(T64, ZSTD),
    emitted_at          DateTime64(3, 'UTC') COMMENT 'when the job emitted the row; the replacing version' CODEC(Delta, ZSTD)
)
ENGINE = ReplacingMergeTree(emitted_at)
PARTITION BY toYYYYMMDD(window_start)
ORDER BY (model_id, model_version, segment, window_start, window_end)
TTL toDateTime(window_start) + INTERVAL 400 DAY
SETTINGS ttl_only_drop_parts = 1
COMMENT 'Performance, calibration, label coverage and delay per prediction-time window, revised as labels arrive; read with FINAL';
