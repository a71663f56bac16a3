package io.driftwatch.detectors.profile;

import io.driftwatch.detectors.internal.SampleMoments;
import io.driftwatch.detectors.internal.DoubleSort;

/**
 * Numeric building blocks that reproduce numpy's float operations step by step, so bin edges agree with
 * {@code np.histogram_bin_edges} and {@code np.quantile(..., method='linear')} to the last bit in the usual
 * case (the same IEEE operations in the same order).
 */
final class NumpyCompat {

    /** numpy widens a zero-width range by this much on each side ({@code _get_outer_edges}). */
    static final double EMPTY_RANGE_HALF_WIDTH = 0.5;

    private NumpyCompat() {}

    /** {@code np.linspace(start, stop, count, endpoint=True)}: {@code i * step + start}, last value exactly stop. */
    static double[] linspace(double start, double stop, int count) {
        double[] out = new double[count];
        int div = count - 1;
        double delta = stop - start;
        double step = delta / div;
        for (int i = 0; i < count; i++) {
            out[i] = step == 0 ? (i / (double) div) * delta + start : i * step + start;
        }
        out[count - 1] = stop;
        return out;
    }

    /** Equal-width edges over the data range as numpy does for an integer {@code bins}. */
    static double[] equalWidthEdges(double min, double max, int bins) {
        double first = min;
        double last = max;
        if (first == last) {
            first -= EMPTY_RANGE_HALF_WIDTH;
            last += EMPTY_RANGE_HALF_WIDTH;
        }
        return linspace(first, last, bins + 1);
    }

    /**
     * Number of bins numpy derives from an estimated bin width: {@code ceil(range / width)}, or 1 when the
     * width is zero (all-equal data).
     */
    static int binsFromWidth(double min, double max, double width) {
        if (width == 0) {
            return 1;
        }
        return (int) Math.ceil((max - min) / width);
    }

    /** {@code np.log2} for a positive count: exact for powers of two, as C's {@code log2} is. */
    static double log2(double x) {
        if (x == Math.rint(x) && x > 0 && x < Long.MAX_VALUE && Long.bitCount((long) x) == 1) {
            return Long.numberOfTrailingZeros((long) x);
        }
        return Math.log(x) / Math.log(2);
    }

    /** numpy's {@code _hist_bin_sturges} width: {@code ptp / (log2(n) + 1)}. */
    static double sturgesWidth(double[] sorted) {
        return ptp(sorted) / (log2(sorted.length) + 1.0);
    }

    /** numpy's {@code _hist_bin_doane} width; 0 (one bin) for fewer than 3 values or zero spread. */
    static double doaneWidth(double[] sorted) {
        int n = sorted.length;
        if (n <= 2) {
            return 0.0;
        }
        double sg1 = Math.sqrt(6.0 * (n - 2) / ((n + 1.0) * (n + 3)));
        double mean = SampleMoments.mean(sorted);
        double sigma = Math.sqrt(SampleMoments.sumOfSquaredDeviations(sorted, mean) / n);
        if (!(sigma > 0.0)) {
            return 0.0;
        }
        double skewSum = 0;
        for (double v : sorted) {
            double z = (v - mean) / sigma;
            skewSum += z * z * z;
        }
        double g1 = skewSum / n;
        return ptp(sorted) / (1.0 + log2(n) + log2(1.0 + Math.abs(g1) / sg1));
    }

    /**
     * {@code np.quantile(sorted, q, method='linear')}: virtual index {@code (n-1) q}, interpolated with numpy's
     * {@code _lerp} (which computes from the upper neighbour when the fraction is at least 1/2).
     */
    static double quantileLinear(double[] sorted, double q) {
        int n = sorted.length;
        double virtualIndex = (n - 1) * q;
        if (virtualIndex >= n - 1) {
            return sorted[n - 1];
        }
        int below = (int) Math.floor(virtualIndex);
        double gamma = virtualIndex - below;
        double a = sorted[below];
        double b = sorted[below + 1];
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }



    static double ptp(double[] sorted) {
        return sorted[sorted.length - 1] - sorted[0];
    }

    /** A sorted copy after checking every value is finite. */
    static double[] sortedFinite(double[] values, String what) {
        if (values.length == 0) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + " has a non-finite value " + values[i] + " at index " + i);
            }
        }
        double[] sorted = values.clone();
        DoubleSort.sort(sorted);
        return sorted;
    }
}
