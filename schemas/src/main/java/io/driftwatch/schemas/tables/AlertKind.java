package io.driftwatch.schemas.tables;

/** What an alert event announces ({@code alerts.kind}). */
public enum AlertKind implements SqlEnum {
    FIRED,
    REMINDER,
    RESOLVED
}
