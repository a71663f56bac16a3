package io.driftwatch.alerting.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One HTTP attempt of one delivery, with its outcome. Holds no secret: {@code detail} is redacted.
 *
 * @param notifier   the notifier's name
 * @param delivery   what was being delivered, e.g. {@code trigger 3f2a…} or {@code group rule=drift}
 * @param attempt    1-based
 * @param statusCode the HTTP status, or 0 when no response came (network error)
 * @param retryIn    the wait before the next attempt (ZERO unless RETRYING)
 * @param detail     the error body or exception (truncated, redacted), "" on success
 */
public record DeliveryAttempt(String notifier, String delivery, int attempt, int statusCode, DeliveryOutcome outcome,
                              Duration retryIn, String detail, Instant at) {

    public DeliveryAttempt {
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(retryIn, "retryIn");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(at, "at");
    }
}
