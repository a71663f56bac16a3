package io.driftwatch.detectors.sketch;

/** The latency quantiles Driftwatch reports per window (NaN when the window saw no latency). */
public record LatencyQuantiles(double p50, double p90, double p95, double p99, double p999) {

    /** The quantile levels, in component order. */
    static final double[] LEVELS = {0.5, 0.9, 0.95, 0.99, 0.999};

    static LatencyQuantiles of(double[] values) {
        return new LatencyQuantiles(values[0], values[1], values[2], values[3], values[4]);
    }
}
