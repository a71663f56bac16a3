-- Per-segment baselines: a profile may belong to one segment of a model version (the job's canonical segment,
-- e.g. 'country=DE'); '' is the model-version-wide baseline (every row before this migration).
-- The segment joins the replacing key so a segment's save never replaces the version-wide profile; ClickHouse
-- allows extending the sorting key only with a column added in the same ALTER, without a default expression.
ALTER TABLE ${database}.baselines
    ADD COLUMN IF NOT EXISTS segment String COMMENT 'canonical segment (k=v,... sorted by key); empty: the whole model version' AFTER model_version,
    MODIFY ORDER BY (model_id, model_version, feature, segment);
