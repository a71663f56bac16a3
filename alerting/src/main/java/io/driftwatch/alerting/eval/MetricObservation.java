package io.driftwatch.alerting.eval;

import io.driftwatch.alerting.rules.MetricFamily;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One metric row of one series and one event-time window, as the pipeline writes it to ClickHouse.
 *
 * @param test     drift test id for drift rows (e.g. {@code ks}), the detector for change points, else ""
 * @param values   named values (see {@link MetricFamily#valueNames()}; a drift row may also carry
 *                 {@code threshold}); a missing or NaN value means "no data" for rules that use it
 * @param drift    the row's own decision (drift, or a detected change); false for families without one
 * @param baseline which reference the row compares against (e.g. a baseline id), "" when none
 */
public record MetricObservation(MetricFamily family, SeriesKey series, String test, Instant windowStart,
                                Instant windowEnd, Map<String, Double> values, boolean drift, String baseline) {

    public MetricObservation {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(baseline, "baseline");
        if (!windowEnd.isAfter(windowStart)) {
            throw new IllegalArgumentException("window of " + series.describe() + " ends at " + windowEnd
                    + ", not after its start " + windowStart);
        }
        values = Map.copyOf(values);
    }

    /** The named value, NaN when absent. */
    public double value(String name) {
        return values.getOrDefault(name, Double.NaN);
    }
}
