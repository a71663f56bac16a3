package io.driftwatch.alerting.notify;

/** What one delivery attempt came to. */
public enum DeliveryOutcome {
    /** 2xx: accepted by the receiver. */
    DELIVERED,
    /** 429, 408, 5xx or a network error, and attempts are left: another attempt follows. */
    RETRYING,
    /** Another 4xx (e.g. PagerDuty's 400 for an invalid event): retrying cannot help; not retried. */
    REJECTED,
    /** Retryable failure on the last allowed attempt. */
    GAVE_UP
}
