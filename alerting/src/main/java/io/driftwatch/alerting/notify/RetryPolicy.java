package io.driftwatch.alerting.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How deliveries are retried (on 429, 408, 5xx and network errors): at most {@code maxAttempts} attempts;
 * before attempt n+1 wait the server's {@code Retry-After} when given (capped at {@code maxRetryAfter}),
 * else an exponential backoff {@code min(maxBackoff, initialBackoff * 2^(n-1))} with "equal jitter": half of
 * it fixed, half uniformly random, so retries of many senders spread out but still grow.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /** Five attempts over about a minute, as PagerDuty's retry guidance suggests ("retry after some time"). */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(2));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff and maxRetryAfter >= 0");
        }
    }

    /**
     * The backoff before the attempt after {@code attempt} (1-based), without a Retry-After.
     *
     * @param uniform a source of uniform numbers in [0, 1)
     */
    public Duration backoff(int attempt, DoubleSupplier uniform) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1, got " + attempt);
        }
        long cap = maxBackoff.toMillis();
        long base = initialBackoff.toMillis();
        for (int i = 1; i < attempt && base < cap; i++) {
            base *= 2;
        }
        base = Math.min(base, cap);
        double r = uniform.getAsDouble();
        if (!(r >= 0 && r < 1)) {
            throw new IllegalArgumentException("uniform value must be in [0, 1), got " + r);
        }
        return Duration.ofMillis(base / 2 + Math.round(r * (base - base / 2)));
    }

    /** The server's requested wait, capped. */
    public Duration retryAfter(Duration requested) {
        return requested.isNegative() ? Duration.ZERO : requested.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : requested;
    }
}
