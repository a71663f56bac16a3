package io.driftwatch.schemas.tables;

/** What a drift result compared against: a stored training baseline or an earlier window. */
public enum BaselineKind implements SqlEnum {
    TRAINING,
    WINDOW
}
