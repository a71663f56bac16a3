package io.driftwatch.alerting.eval;

/** What an {@link AlertEvent} announces. */
public enum EventKind {
    /** The alert started firing. */
    FIRED,
    /** Still firing after the rule's {@code renotify_interval}. */
    REMINDER,
    /** The alert resolved after {@code resolve_after} clean windows. */
    RESOLVED
}
