package io.driftwatch.detectors.drift.numeric;

/**
 * Integrals of the difference of two empirical CDFs over the pooled sorted values, as scipy 1.10
 * {@code scipy.stats._stats_py._cdf_distance} (unweighted): O(n log n) sort and one merge.
 */
final class CdfDistance {

    private CdfDistance() {}

    /** {@code ∫ |F_u - F_v| dx}: the 1-Wasserstein distance. */
    static double l1(double[] u, double[] v) {
        return integrate(u, v, false);
    }

    /** {@code sqrt(∫ (F_u - F_v)^2 dx)}. */
    static double l2(double[] u, double[] v) {
        return Math.sqrt(integrate(u, v, true));
    }

    private static double integrate(double[] uValues, double[] vValues, boolean squared) {
        double[] u = NumericSamples.sortedCopy(uValues);
        double[] v = NumericSamples.sortedCopy(vValues);
        int nu = u.length;
        int nv = v.length;
        int i = 0;
        int j = 0;
        double sum = 0.0;
        // walk the pooled sorted values; between consecutive pooled values both ECDFs are constant
        double previous = Math.min(u[0], v[0]);
        while (i < nu || j < nv) {
            double x = j >= nv || (i < nu && u[i] <= v[j]) ? u[i] : v[j];
            double delta = x - previous;
            double diff = Math.abs(i / (double) nu - j / (double) nv);
            sum += (squared ? diff * diff : diff) * delta;
            previous = x;
            while (i < nu && u[i] == x) {
                i++;
            }
            while (j < nv && v[j] == x) {
                j++;
            }
        }
        return sum;
    }
}
