package io.driftwatch.alerting.notify;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Notifier contexts for tests: fast backoff, secrets from a map, a given listener. */
final class TestContexts {

    /** Routing keys are 32 characters (PagerDuty integration keys). */
    static final String ROUTING_KEY = "R0ut1ngK3yS3cr3tV4lu3ABCDEF01234";
    static final RetryPolicy FAST = new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(5));

    private TestContexts() {
    }

    static NotifierContext context(Map<String, String> env, DeliveryListener listener) {
        return new NotifierContext(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), FAST, listener,
                new SecretResolver(env::get), Clock.systemUTC(), Duration.ofSeconds(5));
    }
}
