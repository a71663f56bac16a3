package io.driftwatch.alerting.notify;

import java.util.Objects;

/**
 * How one delivery ended: {@link DeliveryOutcome#DELIVERED}, {@link DeliveryOutcome#REJECTED} or
 * {@link DeliveryOutcome#GAVE_UP} (never RETRYING), after {@code attempts} attempts.
 */
public record DeliveryResult(String notifier, String delivery, DeliveryOutcome outcome, int attempts, int statusCode) {

    public DeliveryResult {
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == DeliveryOutcome.RETRYING) {
            throw new IllegalArgumentException("a final result cannot be RETRYING");
        }
    }

    public boolean delivered() {
        return outcome == DeliveryOutcome.DELIVERED;
    }
}
