package io.driftwatch.detectors.drift.numeric;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * k-sample Anderson–Darling test for two samples, as {@code scipy.stats.anderson_ksamp([reference, current])}
 * (scipy 1.10, {@code midrank=True}): the standardised midrank statistic A2akN of Scholz &amp; Stephens (1987),
 * "K-Sample Anderson-Darling Tests", JASA 82(399), eq. 7.
 *
 * <p>P-value: scipy interpolates {@code log(significance)} quadratically (least squares) through Scholz and
 * Stephens' Table 2 critical values for {@link #SIGNIFICANCE} and, outside the table, <b>caps it to
 * [0.001, 0.25]</b>: a statistic below the smallest critical value gives p = 0.25 ("at least 0.25"), above the
 * largest p = 0.001 ("at most 0.001"). Decisions at thresholds inside (0.001, 0.25] are therefore meaningful.
 *
 * <p>Edge cases: empty sample or non-finite value → {@link IllegalArgumentException}; fewer than
 * {@link #MIN_TOTAL} pooled values → {@link IllegalArgumentException} (the variance formula divides by
 * (N-1)(N-2)(N-3)); <b>all pooled values equal → statistic 0, p-value 0.25 (the cap)</b>, where scipy raises
 * ("needs more than one distinct observation").
 */
public final class AndersonDarlingTest implements NumericDriftTest {

    /** Significance levels of Scholz &amp; Stephens Table 2 (as scipy's {@code sig}); first = cap, last = floor. */
    static final double[] SIGNIFICANCE = {0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001};
    /** Interpolation coefficients b0, b1, b2 of Table 2: critical = b0 + b1 / sqrt(m) + b2 / m, m = k - 1. */
    private static final double[] B0 = {0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085};
    private static final double[] B1 = {-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615};
    private static final double[] B2 = {-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154};
    static final int MIN_TOTAL = 4;
    private static final int SAMPLES = 2;
    private static final int DEGREE = 2;

    @Override
    public DriftTestId id() {
        return DriftTestId.ANDERSON;
    }

    @Override
    public DriftResult test(double[] reference, double[] current, double threshold) {
        NumericSamples.requireUsable(reference, current);
        double[] z = NumericSamples.sortedCopy(NumericSamples.pooled(reference, current));
        int bigN = z.length;
        if (bigN < MIN_TOTAL) {
            throw new IllegalArgumentException("anderson needs at least " + MIN_TOTAL + " values in total, got " + bigN);
        }
        if (z[0] == z[bigN - 1]) {
            return DriftResult.exact(id(), 0.0, SIGNIFICANCE[0], threshold);
        }
        double a2kn = midrankStatistic(z, NumericSamples.sortedCopy(reference))
                + midrankStatistic(z, NumericSamples.sortedCopy(current));
        a2kn *= (bigN - 1.0) / bigN;
        double a2 = (a2kn - (SAMPLES - 1)) / Math.sqrt(variance(reference.length, current.length, bigN));
        return DriftResult.exact(id(), a2, pValue(a2), threshold);
    }

    /** One sample's term of A2akN: sum over distinct pooled values z*_j of l_j/N (N M_ij - B_j n_i)^2 / (...) / n_i. */
    private static double midrankStatistic(double[] pooledSorted, double[] sample) {
        int bigN = pooledSorted.length;
        int n = sample.length;
        double sum = 0.0;
        int left = 0;
        int s = 0;
        while (left < bigN) {
            double zj = pooledSorted[left];
            int right = left;
            while (right < bigN && pooledSorted[right] == zj) {
                right++;
            }
            double lj = right - left;
            double bj = left + lj / 2.0;
            while (s < n && sample[s] < zj) {
                s++;
            }
            int sLeft = s;
            while (s < n && sample[s] == zj) {
                s++;
            }
            double fij = s - sLeft;
            double mij = s - fij / 2.0;
            double diff = bigN * mij - bj * n;
            sum += lj / bigN * (diff * diff) / (bj * (bigN - bj) - bigN * lj / 4.0);
            left = right;
        }
        return sum / n;
    }

    /** Var(A2akN) of Scholz &amp; Stephens eq. 4 for k = 2 samples of sizes n1, n2. */
    private static double variance(int n1, int n2, int bigN) {
        double hSum = 1.0 / n1 + 1.0 / n2;
        // hs_cs = cumsum(1 / [N-1, N-2, ..., 2]); h = hs_cs[-1] + 1; g = sum(hs_cs / [2, ..., N-1])
        double cumulative = 0.0;
        double g = 0.0;
        for (int i = 0, denominator = bigN - 1; denominator >= 2; i++, denominator--) {
            cumulative += 1.0 / denominator;
            g += cumulative / (i + 2);
        }
        double h = cumulative + 1;
        double k = SAMPLES;
        double a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * hSum;
        double b = (2 * g - 4) * k * k + 8 * h * k + (2 * g - 14 * h - 4) * hSum - 8 * h + 4 * g - 6;
        double c = (6 * h + 2 * g - 2) * k * k + (4 * h - 4 * g + 6) * k + (2 * h - 6) * hSum + 4 * h;
        double d = (2 * h + 6) * k * k - 4 * h * k;
        double n = bigN;
        return (a * n * n * n + b * n * n + c * n + d) / ((n - 1.) * (n - 2.) * (n - 3.));
    }

    /** scipy's capped, log-quadratic interpolation of the significance level. */
    static double pValue(double a2) {
        int m = SAMPLES - 1;
        double[] critical = new double[B0.length];
        for (int i = 0; i < critical.length; i++) {
            critical[i] = B0[i] + B1[i] / Math.sqrt(m) + B2[i] / m;
        }
        if (a2 < critical[0]) {
            return SIGNIFICANCE[0];
        }
        if (a2 > critical[critical.length - 1]) {
            return SIGNIFICANCE[SIGNIFICANCE.length - 1];
        }
        // np.polyfit(critical, log(sig), 2): least squares on the Vandermonde matrix, solved by QR
        double[][] vandermonde = new double[critical.length][DEGREE + 1];
        double[] logSig = new double[critical.length];
        for (int i = 0; i < critical.length; i++) {
            for (int p = 0; p <= DEGREE; p++) {
                vandermonde[i][p] = Math.pow(critical[i], DEGREE - p);
            }
            logSig[i] = Math.log(SIGNIFICANCE[i]);
        }
        RealVector coefficients = new QRDecomposition(new Array2DRowRealMatrix(vandermonde, false)).getSolver()
                .solve(new ArrayRealVector(logSig, false));
        double value = 0.0;
        for (int p = 0; p <= DEGREE; p++) {
            value = value * a2 + coefficients.getEntry(p);
        }
        return Math.exp(value);
    }
}
