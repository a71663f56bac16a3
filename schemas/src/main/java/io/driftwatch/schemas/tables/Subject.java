package io.driftwatch.schemas.tables;

/** What a {@code feature_drift} row measured: an input feature or the model's output (score drift). */
public enum Subject implements SqlEnum {
    FEATURE,
    SCORE
}
