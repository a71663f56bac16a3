package io.driftwatch.app.demo;

import java.time.Duration;

/**
 * How much faster than real time the demo's event time runs.
 *
 * @param simulatedPerRealSecond simulated time that passes per real second (e.g. 10 minutes)
 */
public record ClockAcceleration(Duration simulatedPerRealSecond) {

    /** Default: one real second is ten simulated minutes, so a 1-hour window closes every 6 s. */
    public static final ClockAcceleration DEFAULT = new ClockAcceleration(Duration.ofMinutes(10));

    public ClockAcceleration {
        if (simulatedPerRealSecond == null || simulatedPerRealSecond.isNegative() || simulatedPerRealSecond.isZero()) {
            throw new IllegalArgumentException("simulated time per real second must be positive, got "
                    + simulatedPerRealSecond);
        }
    }

    /** Mean simulated gap between predictions when {@code eventsPerRealSecond} are sent per real second. */
    public Duration meanInterArrival(double eventsPerRealSecond) {
        if (!(eventsPerRealSecond > 0) || !Double.isFinite(eventsPerRealSecond)) {
            throw new IllegalArgumentException("events per second must be finite and > 0, got " + eventsPerRealSecond);
        }
        long nanos = Math.round(simulatedPerRealSecond.toNanos() / eventsPerRealSecond);
        return Duration.ofNanos(Math.max(1, nanos));
    }
}
