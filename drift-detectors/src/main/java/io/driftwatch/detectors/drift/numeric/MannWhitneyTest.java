package io.driftwatch.detectors.drift.numeric;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * Mann–Whitney U test as {@code scipy.stats.mannwhitneyu(reference, current)} with scipy 1.10 defaults: two-sided,
 * {@code use_continuity=True}, {@code method='auto'}. Statistic: U1 of the reference sample (from midranks of the
 * pooled sample). P-value: {@code 2 * sf(max(U1, U2))}, clipped to 1, where sf is
 * <ul>
 *   <li>exact (counts of the null distribution of U) when a sample has at most {@link #MAX_EXACT_SIDE} values
 *       and there are no ties;</li>
 *   <li>otherwise normal with tie correction and continuity correction:
 *       {@code z = (U - n1 n2 / 2 - 0.5) / sqrt(n1 n2 / 12 * ((n + 1) - sum(t^3 - t) / (n (n - 1))))}.</li>
 * </ul>
 *
 * <p>Edge cases: empty sample or non-finite value → {@link IllegalArgumentException}; all pooled values equal →
 * U1 = n1 n2 / 2 and p = 1 (the tie-corrected variance is 0, z = -inf, as scipy); heavy ties use the tie
 * correction.
 */
public final class MannWhitneyTest implements NumericDriftTest {

    /** scipy 'auto': asymptotic when both samples exceed 8 values; exact otherwise unless there are ties. */
    public static final int MAX_EXACT_SIDE = 8;
    private static final double CONTINUITY = 0.5;
    private static final double SQRT2 = Math.sqrt(2);

    @Override
    public DriftTestId id() {
        return DriftTestId.MANN_WHITNEY;
    }

    @Override
    public DriftResult test(double[] reference, double[] current, double threshold) {
        NumericSamples.requireUsable(reference, current);
        int n1 = reference.length;
        int n2 = current.length;
        MidRanks midRanks = MidRanks.of(NumericSamples.pooled(reference, current));
        double r1 = 0.0;
        for (int i = 0; i < n1; i++) {
            r1 += midRanks.ranks()[i];
        }
        double u1 = r1 - n1 * (n1 + 1.0) / 2;
        double u2 = (double) n1 * n2 - u1;
        double u = Math.max(u1, u2);
        boolean exact = Math.min(n1, n2) <= MAX_EXACT_SIDE && midRanks.tieTerm() == 0;
        double sf = exact ? exactSf((long) u, n1, n2) : normalSf(u, n1, n2, midRanks.tieTerm());
        return DriftResult.exact(id(), u1, NumericSamples.clipProbability(2 * sf), threshold);
    }

    private static double normalSf(double u, int n1, int n2, double tieTerm) {
        double mu = (double) n1 * n2 / 2;
        double n = (double) n1 + n2;
        double s = Math.sqrt((double) n1 * n2 / 12 * ((n + 1) - tieTerm / (n * (n - 1))));
        double z = (u - mu - CONTINUITY) / s;
        return 0.5 * Erf.erfc(z / SQRT2);
    }

    /**
     * {@code P(U >= u)} = {@code P(U <= n1 n2 - u)} from the counts of U: the coefficients of the Gaussian
     * binomial {@code [n1 + n2 choose s]_q = prod_{i=1..s} (1 - q^(L+i)) / (1 - q^i)}, s = min, L = max side.
     * Counts are doubles like scipy's; the absolute error of the resulting probability stays ~1e-12.
     */
    static double exactSf(long u, int n1, int n2) {
        int s = Math.min(n1, n2);
        int large = Math.max(n1, n2);
        int maxK = (int) ((long) n1 * n2 - u);
        double[] counts = new double[maxK + 1];
        counts[0] = 1.0;
        for (int i = 1; i <= s; i++) {
            int up = large + i;
            for (int k = maxK; k >= up; k--) {
                counts[k] -= counts[k - up];
            }
            for (int k = i; k <= maxK; k++) {
                counts[k] += counts[k - i];
            }
        }
        double total = CombinatoricsUtils.binomialCoefficientDouble(n1 + n2, s);
        double cdf = 0.0;
        for (double c : counts) {
            cdf += c / total;
        }
        return cdf;
    }
}
