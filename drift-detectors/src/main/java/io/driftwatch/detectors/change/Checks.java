package io.driftwatch.detectors.change;

/** Argument checks shared by the detectors and their parameter records. */
final class Checks {
    private Checks() {
    }

    static double finiteValue(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("input value must be finite, got " + value);
        }
        return value;
    }

    static double binaryValue(DetectorId id, double value) {
        if (value != 0.0 && value != 1.0) {
            throw new IllegalArgumentException(id.wireId() + " expects a 0/1 error indicator, got " + value);
        }
        return value;
    }

    static double unitValue(DetectorId id, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(id.wireId() + " expects a value in [0, 1], got " + value);
        }
        return value;
    }

    static double probability(String name, double p) {
        if (!(p > 0.0 && p < 1.0)) {
            throw new IllegalArgumentException(name + " must be in (0, 1), got " + p);
        }
        return p;
    }

    static double positive(String name, double x) {
        if (!(x > 0.0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + x);
        }
        return x;
    }

    static double nonNegative(String name, double x) {
        if (!(x >= 0.0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException(name + " must be non-negative and finite, got " + x);
        }
        return x;
    }

    static int positive(String name, int x) {
        if (x <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + x);
        }
        return x;
    }
}
