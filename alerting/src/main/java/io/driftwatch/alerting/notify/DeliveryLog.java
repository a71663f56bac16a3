package io.driftwatch.alerting.notify;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A thread-safe record of every attempt, in the order they completed. */
public final class DeliveryLog implements DeliveryListener {

    private final List<DeliveryAttempt> attempts = new CopyOnWriteArrayList<>();

    @Override
    public void onAttempt(DeliveryAttempt attempt) {
        attempts.add(attempt);
    }

    /** A snapshot of the attempts so far. */
    public List<DeliveryAttempt> attempts() {
        return List.copyOf(attempts);
    }
}
