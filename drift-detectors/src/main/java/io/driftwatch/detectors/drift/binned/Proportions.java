package io.driftwatch.detectors.drift.binned;

/** Validation and normalisation of count (or weight) vectors over the same bins. */
final class Proportions {

    private Proportions() {}

    /**
     * Checks both vectors (same length, at least one bin, finite, non-negative, positive total) and
     * returns them normalised to sum 1, reference first.
     */
    static double[][] normalisedPair(double[] reference, double[] current) {
        if (reference.length != current.length) {
            throw new IllegalArgumentException("reference has " + reference.length + " bins but current has "
                    + current.length);
        }
        if (reference.length == 0) {
            throw new IllegalArgumentException("no bins");
        }
        return new double[][] {normalised(reference, "reference"), normalised(current, "current")};
    }

    static double[] normalised(double[] counts, String side) {
        double total = 0;
        for (int i = 0; i < counts.length; i++) {
            double c = counts[i];
            if (!Double.isFinite(c) || c < 0) {
                throw new IllegalArgumentException(side + " count at bin " + i + " is " + c
                        + "; counts must be finite and non-negative");
            }
            total += c;
        }
        if (total == 0) {
            throw new IllegalArgumentException(side + " window is empty (all counts are zero)");
        }
        double[] p = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            p[i] = counts[i] / total;
        }
        return p;
    }

    static double[] clippedBelow(double[] p, double floor) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = Math.max(p[i], floor);
        }
        return out;
    }

    static double[] toDoubles(long[] counts) {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i];
        }
        return out;
    }
}
