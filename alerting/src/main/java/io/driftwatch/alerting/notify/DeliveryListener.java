package io.driftwatch.alerting.notify;

/** Told of every delivery attempt and its outcome (from the HTTP client's threads). */
@FunctionalInterface
public interface DeliveryListener {

    void onAttempt(DeliveryAttempt attempt);

    DeliveryListener NONE = attempt -> { };
}
