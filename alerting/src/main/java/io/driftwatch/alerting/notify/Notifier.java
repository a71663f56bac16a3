package io.driftwatch.alerting.notify;

import io.driftwatch.alerting.eval.AlertGroup;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Delivers alert groups to one destination, asynchronously, with retries. The future completes (never
 * exceptionally for HTTP or network failures: those are results) once every request of the group ended.
 * Callers that need order (a resolve after its trigger) deliver the next group after this future completes;
 * {@link Dispatcher} does.
 */
public interface Notifier {

    String name();

    CompletableFuture<List<DeliveryResult>> deliver(AlertGroup group);
}
