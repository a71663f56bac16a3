package io.driftwatch.app.demo;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Paces a loop to a target rate: permit {@code i} is due at {@code first + i / rate}. A caller that falls behind
 * gets permits without waiting, but at most {@code maxCatchUp} worth of them in a burst: after a longer stall
 * the schedule restarts from now instead of flooding.
 *
 * <p>The clock is injected, so tests drive a fake clock and never sleep. Not thread-safe.
 */
public final class EventPacer {

    /** Default burst after a stall: one second's worth of events. */
    public static final Duration DEFAULT_MAX_CATCH_UP = Duration.ofSeconds(1);
    private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    /** Time source and sleeper. */
    public interface Clock {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;

        /** The JVM's monotonic clock and {@link TimeUnit#sleep}. */
        static Clock system() {
            return new Clock() {
                @Override
                public long nanoTime() {
                    return System.nanoTime();
                }

                @Override
                public void sleepNanos(long nanos) throws InterruptedException {
                    TimeUnit.NANOSECONDS.sleep(nanos);
                }
            };
        }
    }

    private final double intervalNanos;
    private final long maxCatchUpNanos;
    private final Clock clock;
    private double nextDueNanos = Double.NaN;

    /**
     * @throws IllegalArgumentException when the rate is not finite and positive or the catch-up is negative
     */
    public EventPacer(double eventsPerSecond, Duration maxCatchUp, Clock clock) {
        if (!(eventsPerSecond > 0) || !Double.isFinite(eventsPerSecond)) {
            throw new IllegalArgumentException("events per second must be finite and > 0, got " + eventsPerSecond);
        }
        if (maxCatchUp == null || maxCatchUp.isNegative()) {
            throw new IllegalArgumentException("max catch-up must be >= 0, got " + maxCatchUp);
        }
        this.intervalNanos = NANOS_PER_SECOND / eventsPerSecond;
        this.maxCatchUpNanos = maxCatchUp.toNanos();
        this.clock = clock;
    }

    public EventPacer(double eventsPerSecond, Clock clock) {
        this(eventsPerSecond, DEFAULT_MAX_CATCH_UP, clock);
    }

    /** Books the next permit and returns how long to wait for it (0 when it is already due). Never sleeps. */
    public long reserveNanos() {
        long now = clock.nanoTime();
        if (Double.isNaN(nextDueNanos) || nextDueNanos < now - maxCatchUpNanos) {
            nextDueNanos = now;
        }
        long wait = Math.max(0, (long) Math.ceil(nextDueNanos - now));
        nextDueNanos += intervalNanos;
        return wait;
    }

    /** Waits (on the injected clock) until the next permit is due. */
    public void acquire() throws InterruptedException {
        long wait = reserveNanos();
        if (wait > 0) {
            clock.sleepNanos(wait);
        }
    }
}
