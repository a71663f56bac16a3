package io.driftwatch.detectors.drift.numeric;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;

import java.util.Arrays;

/**
 * Maximum mean discrepancy with a Gaussian RBF kernel. Definition (the generator's numpy code is the same):
 * <ol>
 *   <li>Each sample longer than {@link #MAX_SAMPLE_PER_SIDE} is reduced by deterministic stride subsampling in
 *       input order: {@code x[(i * n) / cap]} for {@code i = 0 .. cap - 1} (integer division), bounding the
 *       O(n^2) cost.</li>
 *   <li>Bandwidth by the median heuristic: {@code sigma} = median of the positive pairwise distances
 *       {@code |z_i - z_j|, i < j}, of the pooled (subsampled) values; zero distances (ties) are left out so
 *       that heavy ties cannot give sigma = 0.</li>
 *   <li>{@code k(x, y) = exp(-(x - y)^2 / (2 sigma^2))}; statistic = unbiased MMD²:
 *       {@code sum_{i≠j} k(x_i,x_j) / (m(m-1)) + sum_{i≠j} k(y_i,y_j) / (n(n-1)) - 2 sum k(x_i,y_j) / (mn)}.</li>
 * </ol>
 * The unbiased estimate can be slightly negative when there is no drift. A distance: drift when
 * {@code statistic >= threshold}; no p-value (NaN).
 *
 * <p>Edge cases: fewer than 2 values in a sample → {@link IllegalArgumentException} (the unbiased estimate
 * needs pairs); non-finite value → {@link IllegalArgumentException}; all pooled values equal (no positive
 * distance) → 0.
 */
public final class MmdTest implements NumericDriftTest {

    /** Cap per sample: 2000 pooled values → about 2 million pairwise distances (16 MB) for the median. */
    public static final int MAX_SAMPLE_PER_SIDE = 1000;
    private static final int MIN_SAMPLE = 2;

    @Override
    public DriftTestId id() {
        return DriftTestId.MMD;
    }

    @Override
    public DriftResult test(double[] reference, double[] current, double threshold) {
        NumericSamples.requireUsable(reference, current, MIN_SAMPLE, id().id());
        double[] x = strideSubsample(reference, MAX_SAMPLE_PER_SIDE);
        double[] y = strideSubsample(current, MAX_SAMPLE_PER_SIDE);
        double sigma = medianPositiveDistance(NumericSamples.pooled(x, y));
        if (Double.isNaN(sigma)) {
            return DriftResult.exact(id(), 0.0, Double.NaN, threshold);
        }
        double gamma = 1.0 / (2 * sigma * sigma);
        double m = x.length;
        double n = y.length;
        double kxx = offDiagonalSum(x, gamma) / (m * (m - 1));
        double kyy = offDiagonalSum(y, gamma) / (n * (n - 1));
        double kxy = crossSum(x, y, gamma) / (m * n);
        return DriftResult.exact(id(), kxx + kyy - 2 * kxy, Double.NaN, threshold);
    }

    /** {@code values[(i * n) / cap]} for {@code i < cap}, or the array itself when it is not longer than cap. */
    static double[] strideSubsample(double[] values, int cap) {
        int n = values.length;
        if (n <= cap) {
            return values;
        }
        double[] out = new double[cap];
        for (int i = 0; i < cap; i++) {
            out[i] = values[(int) ((long) i * n / cap)];
        }
        return out;
    }

    /** Median (numpy convention: mean of the middle two) of the positive |z_i - z_j|; NaN if there are none. */
    private static double medianPositiveDistance(double[] z) {
        int size = z.length;
        double[] distances = new double[size * (size - 1) / 2];
        int count = 0;
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                double d = Math.abs(z[i] - z[j]);
                if (d > 0) {
                    distances[count++] = d;
                }
            }
        }
        if (count == 0) {
            return Double.NaN;
        }
        Arrays.sort(distances, 0, count);
        int mid = count / 2;
        return count % 2 == 1 ? distances[mid] : (distances[mid - 1] + distances[mid]) / 2;
    }

    private static double offDiagonalSum(double[] a, double gamma) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            for (int j = i + 1; j < a.length; j++) {
                double d = a[i] - a[j];
                sum += Math.exp(-d * d * gamma);
            }
        }
        return 2 * sum;
    }

    private static double crossSum(double[] a, double[] b, double gamma) {
        double sum = 0.0;
        for (double ai : a) {
            for (double bj : b) {
                double d = ai - bj;
                sum += Math.exp(-d * d * gamma);
            }
        }
        return sum;
    }
}
