package io.driftwatch.detectors.sketch;

/** Argument checks shared by the sketch states. */
final class SketchChecks {

    private SketchChecks() {}

    /** Rejects NaN and infinities with a message naming the parameter. */
    static double requireFinite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite, got " + value);
        }
        return value;
    }

    /** Rejects quantile levels outside [0, 1] (and NaN). */
    static double requireProbability(double q) {
        if (!(q >= 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1], got " + q);
        }
        return q;
    }
}
