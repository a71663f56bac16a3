package io.driftwatch.detectors.performance;

/** Argument checks shared by the evaluators and accumulators; each failure names the problem. */
final class Checks {
    private Checks() {}

    static void requireScore(double score) {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be a probability in [0, 1], got " + score);
        }
    }

    static void requireBinaryLabel(int label) {
        if (label != 0 && label != 1) {
            throw new IllegalArgumentException("binary label must be 0 or 1, got " + label);
        }
    }

    static void requireFinite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite, got " + value);
        }
    }

    static void requireThreshold(double threshold) {
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
        }
    }

    static void requireSameNonZeroLength(int first, int second, String firstName, String secondName) {
        if (first != second) {
            throw new IllegalArgumentException(
                    firstName + " and " + secondName + " differ in length: " + first + " vs " + second);
        }
        if (first == 0) {
            throw new IllegalArgumentException(firstName + " is empty");
        }
    }
}
