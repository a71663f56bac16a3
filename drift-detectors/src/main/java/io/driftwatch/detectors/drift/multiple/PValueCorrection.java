package io.driftwatch.detectors.drift.multiple;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Corrections for testing many features at once, as {@code statsmodels.stats.multitest.multipletests}
 * ({@code method='bonferroni'} and {@code 'fdr_bh'}). An empty list gives an empty result; a NaN or a value
 * outside [0, 1], or alpha outside (0, 1), is an {@link IllegalArgumentException}. Ties keep their input order.
 */
public enum PValueCorrection {

    /** Adjusted {@code min(1, m p)}; reject when {@code p <= alpha / m}. Controls the family-wise error rate. */
    BONFERRONI {
        @Override
        AdjustedPValues compute(double[] p, double alpha) {
            int m = p.length;
            double[] adjusted = new double[m];
            boolean[] reject = new boolean[m];
            double perTest = alpha / m;
            for (int i = 0; i < m; i++) {
                adjusted[i] = Math.min(1.0, p[i] * m);
                reject[i] = p[i] <= perTest;
            }
            return new AdjustedPValues(adjusted, reject, alpha);
        }
    },

    /**
     * Benjamini–Hochberg step-up: with p sorted ascending, reject the k smallest where k is the largest rank
     * with {@code p_(k) <= (k / m) alpha}; adjusted {@code p_(i) = min over j >= i of (m / j) p_(j)}, capped at 1.
     * Controls the false discovery rate for independent or positively dependent tests.
     */
    BENJAMINI_HOCHBERG {
        @Override
        AdjustedPValues compute(double[] p, double alpha) {
            int m = p.length;
            Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
            int lastRejectedRank = -1;
            for (int rank = 0; rank < m; rank++) {
                if (p[order[rank]] <= ecdfFactor(rank, m) * alpha) {
                    lastRejectedRank = rank;
                }
            }
            double[] adjusted = new double[m];
            boolean[] reject = new boolean[m];
            double runningMin = Double.POSITIVE_INFINITY;
            for (int rank = m - 1; rank >= 0; rank--) {
                int i = order[rank];
                runningMin = Math.min(runningMin, p[i] / ecdfFactor(rank, m));
                adjusted[i] = Math.min(1.0, runningMin);
                reject[i] = rank <= lastRejectedRank;
            }
            return new AdjustedPValues(adjusted, reject, alpha);
        }

        private double ecdfFactor(int rank, int m) {
            return (rank + 1) / (double) m;
        }
    };

    abstract AdjustedPValues compute(double[] p, double alpha);

    /** Adjusts {@code pValues} and decides rejection at level {@code alpha}. */
    public AdjustedPValues adjust(double[] pValues, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        for (int i = 0; i < pValues.length; i++) {
            if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
                throw new IllegalArgumentException("p-value " + i + " is " + pValues[i] + "; must be in [0, 1]");
            }
        }
        return compute(pValues.clone(), alpha);
    }
}
