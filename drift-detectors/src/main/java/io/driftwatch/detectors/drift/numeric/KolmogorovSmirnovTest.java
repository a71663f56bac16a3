package io.driftwatch.detectors.drift.numeric;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;

/**
 * Two-sample Kolmogorov–Smirnov test, two-sided, as {@code scipy.stats.ks_2samp(reference, current)} with its
 * defaults in scipy 1.10 ({@code method='auto'}).
 *
 * <p>Statistic: {@code D = sup |F_ref - F_cur|} over the pooled values, found by one merge of the sorted samples
 * (O(n log n)). P-value: when {@code max(n1, n2) <= }{@link #MAX_EXACT_N} the exact lattice-path probability
 * ({@link SmirnovExactPValue}); scipy then reports {@code D} rounded to the lattice {@code h / lcm(n1, n2)}, and
 * so does this class. If the exact computation fails (probability outside [0, 1]), or for larger samples, the
 * asymptotic p-value {@code kstwo.sf(D, round(n1 n2 / (n1 + n2)))} ({@link KolmogorovDistribution}).
 *
 * <p>Edge cases: empty sample or non-finite value → {@link IllegalArgumentException}; all values equal on
 * both sides → statistic 0, p-value 1; disjoint samples → statistic 1, p-value near 0; ties are handled by
 * evaluating both ECDFs after each run of equal values (as scipy's {@code searchsorted(side='right')}).
 */
public final class KolmogorovSmirnovTest implements NumericDriftTest {

    /** scipy's {@code MAX_AUTO_N}: {@code method='auto'} tries the exact p-value up to this sample size. */
    public static final int MAX_EXACT_N = 10_000;

    @Override
    public DriftTestId id() {
        return DriftTestId.KS;
    }

    @Override
    public DriftResult test(double[] reference, double[] current, double threshold) {
        NumericSamples.requireUsable(reference, current);
        int n1 = reference.length;
        int n2 = current.length;
        double d = statistic(NumericSamples.sortedCopy(reference), NumericSamples.sortedCopy(current));
        double p = Double.NaN;
        if (Math.max(n1, n2) <= MAX_EXACT_N) {
            long g = gcd(n1, n2);
            long lcm = (n1 / g) * (long) n2;
            long h = (long) Math.rint(d * lcm);
            d = h / (double) lcm;
            p = h == 0 ? 1.0 : SmirnovExactPValue.twoSided(n1, n2, g, h);
        }
        if (!(p >= 0.0 && p <= 1.0)) {
            double m = Math.max(n1, n2);
            double n = Math.min(n1, n2);
            p = KolmogorovDistribution.sf(d, Math.rint(m * n / (m + n)));
        }
        return DriftResult.exact(id(), d, NumericSamples.clipProbability(p), threshold);
    }

    /** {@code max(max(F1 - F2), clip(-min(F1 - F2), 0, 1))} evaluated after each distinct pooled value. */
    static double statistic(double[] sorted1, double[] sorted2) {
        int n1 = sorted1.length;
        int n2 = sorted2.length;
        double maxDiff = Double.NEGATIVE_INFINITY;
        double minDiff = Double.POSITIVE_INFINITY;
        int i = 0;
        int j = 0;
        while (i < n1 || j < n2) {
            double x = j >= n2 || (i < n1 && sorted1[i] <= sorted2[j]) ? sorted1[i] : sorted2[j];
            while (i < n1 && sorted1[i] == x) {
                i++;
            }
            while (j < n2 && sorted2[j] == x) {
                j++;
            }
            double diff = i / (double) n1 - j / (double) n2;
            maxDiff = Math.max(maxDiff, diff);
            minDiff = Math.min(minDiff, diff);
        }
        double minS = Math.min(1.0, Math.max(0.0, -minDiff));
        return minS > maxDiff ? minS : maxDiff;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
