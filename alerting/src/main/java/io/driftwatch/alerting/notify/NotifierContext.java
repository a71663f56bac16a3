package io.driftwatch.alerting.notify;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What every notifier shares: the HTTP client, retry policy, delivery listener, secret resolver, the clock
 * (for attempt times and Retry-After dates) and the per-request timeout.
 */
public record NotifierContext(HttpClient client, RetryPolicy retryPolicy, DeliveryListener listener,
                              SecretResolver secrets, Clock clock, Duration requestTimeout) {

    /** Per-request timeout: PagerDuty and Slack answer within seconds; a stuck connection is then retried. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public NotifierContext {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** A context with a new HTTP client and defaults, reading secrets from the process environment. */
    public static NotifierContext defaults(DeliveryListener listener) {
        return new NotifierContext(HttpClient.newBuilder().connectTimeout(DEFAULT_REQUEST_TIMEOUT).build(),
                RetryPolicy.DEFAULT, listener, SecretResolver.system(), Clock.systemUTC(), DEFAULT_REQUEST_TIMEOUT);
    }
}
