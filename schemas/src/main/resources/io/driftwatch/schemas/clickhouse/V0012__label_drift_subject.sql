-- Label drift (class balance vs the baseline) joins feature and score drift in feature_drift as subject 'label'
-- (feature = the label name, usually 'label'). Extending an Enum8 only adds a value: existing parts are untouched.
ALTER TABLE ${database}.feature_drift
    MODIFY COLUMN subject Enum8('feature' = 1, 'score' = 2, 'label' = 3) COMMENT 'feature: an input feature; score: the model output; label: the delayed truth';
