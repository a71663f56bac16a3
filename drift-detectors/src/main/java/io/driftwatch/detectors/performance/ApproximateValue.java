package io.driftwatch.detectors.performance;

/**
 * A value computed from a bounded-size summary together with a guaranteed worst-case absolute error:
 * the exact value on the same data lies in {@code [value - errorBound, value + errorBound]} (up to
 * floating-point rounding). Both are NaN when the metric is undefined.
 */
public record ApproximateValue(double value, double errorBound) {}
