package io.driftwatch.schemas.tables;

/** An alert's severity ({@code alerts.severity}), PagerDuty's four levels. */
public enum AlertSeverity implements SqlEnum {
    CRITICAL,
    ERROR,
    WARNING,
    INFO
}
