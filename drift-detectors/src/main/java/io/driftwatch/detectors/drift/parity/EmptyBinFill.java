package io.driftwatch.detectors.drift.parity;

/**
 * What replaces an empty bin's proportion (0) before a log-ratio divergence, per window, as Evidently's
 * {@code get_binned_data(..., feel_zeroes=True)}.
 */
public enum EmptyBinFill {
    /** Leave zeros (Evidently's Jensen–Shannon passes {@code feel_zeroes=False}). */
    NONE {
        @Override
        double fillValue(double smallestNonZero) {
            return 0.0;
        }
    },
    /** Always {@link #FILL_PROPORTION}. */
    FIXED {
        @Override
        double fillValue(double smallestNonZero) {
            return FILL_PROPORTION;
        }
    },
    /**
     * Evidently's rule: {@link #FILL_PROPORTION}, unless the smallest non-zero proportion of that window is
     * itself at most {@link #FILL_PROPORTION}, then that proportion divided by {@link #SMALL_FILL_DIVISOR}.
     */
    EVIDENTLY {
        @Override
        double fillValue(double smallestNonZero) {
            return smallestNonZero <= FILL_PROPORTION ? smallestNonZero / SMALL_FILL_DIVISOR : FILL_PROPORTION;
        }
    };

    /** Evidently's substitute for an empty bin, {@code 0.0001}. */
    public static final double FILL_PROPORTION = 1e-4;
    /** Evidently's divisor {@code 10**6} when the window already has proportions below the fill value. */
    public static final double SMALL_FILL_DIVISOR = 1e6;

    abstract double fillValue(double smallestNonZero);

    /** A copy of {@code proportions} with zeros replaced; the result is not renormalised (as in Evidently). */
    public double[] apply(double[] proportions) {
        double smallest = Double.POSITIVE_INFINITY;
        for (double p : proportions) {
            if (p != 0) {
                smallest = Math.min(smallest, p);
            }
        }
        double fill = fillValue(smallest);
        double[] out = proportions.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                out[i] = fill;
            }
        }
        return out;
    }
}
