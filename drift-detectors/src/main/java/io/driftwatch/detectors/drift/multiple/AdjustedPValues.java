package io.driftwatch.detectors.drift.multiple;

import java.util.Arrays;

/**
 * Multiple-testing result, in the order of the input p-values.
 *
 * @param adjusted adjusted p-values, capped at 1
 * @param reject   whether each hypothesis is rejected (drift) at the family level alpha
 * @param alpha    the family-wise error rate (Bonferroni) or false discovery rate (Benjamini–Hochberg)
 */
public record AdjustedPValues(double[] adjusted, boolean[] reject, double alpha) {

    public AdjustedPValues {
        adjusted = adjusted.clone();
        reject = reject.clone();
    }

    @Override
    public double[] adjusted() {
        return adjusted.clone();
    }

    @Override
    public boolean[] reject() {
        return reject.clone();
    }

    public int size() {
        return adjusted.length;
    }

    public int rejectedCount() {
        int n = 0;
        for (boolean r : reject) {
            n += r ? 1 : 0;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdjustedPValues other && Arrays.equals(adjusted, other.adjusted)
                && Arrays.equals(reject, other.reject) && Double.compare(alpha, other.alpha) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(adjusted) + Arrays.hashCode(reject);
    }

    @Override
    public String toString() {
        return "AdjustedPValues{adjusted=" + Arrays.toString(adjusted) + ", reject=" + Arrays.toString(reject)
                + ", alpha=" + alpha + "}";
    }
}
