package io.driftwatch.flink.labels;

import io.driftwatch.schemas.tables.PerformanceRow;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Exact label delay quantiles from a delay (ms) to count map. The q-quantile is numpy's
 * {@code quantile(..., method='inverted_cdf')}: the smallest delay whose cumulative count reaches q * n (rank
 * at least 1), so it is always an observed delay. Results in seconds.
 */
public final class LabelDelays {

    /** The quantiles the performance table stores. */
    static final double P50 = 0.5;
    static final double P90 = 0.9;
    static final double P99 = 0.99;
    private static final double MILLIS_PER_SECOND = 1000.0;

    private LabelDelays() {}

    /** {@link PerformanceRow.Delays#NONE} when empty. */
    public static PerformanceRow.Delays of(NavigableMap<Long, Long> countsByDelayMillis) {
        if (countsByDelayMillis.isEmpty()) {
            return PerformanceRow.Delays.NONE;
        }
        long n = 0;
        for (long count : countsByDelayMillis.values()) {
            n += count;
        }
        return new PerformanceRow.Delays(quantile(countsByDelayMillis, n, P50), quantile(countsByDelayMillis, n, P90),
                quantile(countsByDelayMillis, n, P99), countsByDelayMillis.lastKey() / MILLIS_PER_SECOND);
    }

    /** @throws IllegalArgumentException unless 0 &lt;= q &lt;= 1 */
    static double quantile(NavigableMap<Long, Long> counts, long n, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
        }
        long rank = Math.max(1, (long) Math.ceil(q * n));
        long cumulative = 0;
        for (Map.Entry<Long, Long> entry : counts.entrySet()) {
            cumulative += entry.getValue();
            if (cumulative >= rank) {
                return entry.getKey() / MILLIS_PER_SECOND;
            }
        }
        return counts.lastKey() / MILLIS_PER_SECOND;
    }
}
