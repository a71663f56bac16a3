package io.driftwatch.schemas.tables;

/**
 * What a {@code feature_drift} row measured: an input feature, the model's output (score drift) or the delayed
 * label (label drift: class balance against the baseline).
 */
public enum Subject implements SqlEnum {
    FEATURE,
    SCORE,
    LABEL
}
