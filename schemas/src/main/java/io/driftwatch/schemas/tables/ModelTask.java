package io.driftwatch.schemas.tables;

/** What a model predicts, as stored in {@code performance.task}: decides which metrics apply. */
public enum ModelTask implements SqlEnum {
    BINARY,
    MULTICLASS,
    REGRESSION
}
