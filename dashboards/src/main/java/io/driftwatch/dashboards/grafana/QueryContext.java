package io.driftwatch.dashboards.grafana;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What Grafana sends with each query besides its text: the dashboard's time range and the panel's interval
 * (Grafana derives it from the range and the panel width; {@code $__timeInterval} and {@code $__interval_s}
 * use it).
 */
public record QueryContext(Instant from, Instant to, Duration interval) {

    /** @throws IllegalArgumentException unless from is before to and the interval is positive */
    public QueryContext {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(interval, "interval");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("time range start " + from + " is not before its end " + to);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
    }
}
