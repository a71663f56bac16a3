package io.driftwatch.detectors.drift.numeric;

import java.util.Arrays;

/**
 * Exact two-sided p-value {@code P(D_{m,n} >= h / lcm(m, n))} of the two-sample Smirnov statistic, ported from
 * scipy 1.10 {@code scipy.stats._stats_py._compute_prob_outside_square} (m = n) and
 * {@code scipy.stats._stats_pythran._compute_outer_prob_inside_method} (m ≠ n; Hodges 1958 inside method with
 * Viehmann's 2021 recursion for 1 - p, arXiv:2102.08037). Both are O(m · window) and never overflow.
 */
final class SmirnovExactPValue {

    private SmirnovExactPValue() {}

    /**
     * @param m first sample size, > 0
     * @param n second sample size, > 0
     * @param g gcd(m, n)
     * @param h statistic times lcm(m, n), 0 < h <= lcm
     */
    static double twoSided(long m, long n, long g, long h) {
        return m == n ? outsideSquare(m, h) : outerInsideMethod(m, n, g, h);
    }

    /** Proportion of lattice paths leaving the band |x - y| < h (m = n); Horner form of the alternating sum. */
    static double outsideSquare(long n, long h) {
        double p = 0.0;
        for (long k = (long) Math.floor((double) n / h); k >= 0; k--) {
            double p1 = 1.0;
            for (long j = 0; j < h; j++) {
                p1 = (n - k * h - j) * p1 / (n + k * h + j + 1);
            }
            p = p1 * (1.0 - p);
        }
        return 2 * p;
    }

    /** Proportion of lattice paths from (0,0) to (m,n) that do not stay strictly inside |nx/g - my/g| < h. */
    static double outerInsideMethod(long mIn, long nIn, long g, long h) {
        long m = Math.max(mIn, nIn);
        long n = Math.min(mIn, nIn);
        long mg = m / g;
        long ng = n / g;
        long minj = 0;
        long maxj = Math.min((long) Math.ceil((double) h / mg), n + 1);
        long curlen = maxj - minj;
        int lenA = (int) Math.min(2 * maxj + 2, n + 1);
        double[] a = new double[lenA];
        Arrays.fill(a, 1.0);
        Arrays.fill(a, (int) minj, (int) maxj, 0.0);
        for (long i = 1; i <= m; i++) {
            long lastminj = minj;
            long lastlen = curlen;
            minj = Math.max((long) Math.floor((double) (ng * i - h) / mg) + 1, 0);
            minj = Math.min(minj, n);
            maxj = Math.min((long) Math.ceil((double) (ng * i + h) / mg), n + 1);
            if (maxj <= minj) {
                return 1.0;
            }
            double val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++) {
                long j = jj + minj;
                val = (a[(int) (jj + minj - lastminj)] * i + val * j) / (i + j);
                a[(int) jj] = val;
            }
            curlen = maxj - minj;
            if (lastlen > curlen) {
                // numpy slice assignment: the end is clipped to the array
                int from = (int) Math.min(maxj - minj, lenA);
                Arrays.fill(a, from, (int) Math.min(maxj - minj + lastlen - curlen, lenA), 1.0);
            }
        }
        return a[(int) (maxj - minj - 1)];
    }
}
