package io.driftwatch.detectors.profile;

import java.util.Arrays;

/**
 * How a numeric feature's reference values are cut into bins. Every strategy sees the reference only; the
 * resulting {@link BinEdges} are then fixed for all current windows.
 *
 * <ul>
 *   <li>{@link Quantiles}: interior edges at the reference quantiles {@code i/count} (numpy's
 *       {@code method='linear'}), outer edges {@code -inf} and {@code +inf}. {@link #deciles()} is 10 bins.</li>
 *   <li>{@link EqualWidth}: {@code np.histogram_bin_edges(ref, bins)}.</li>
 *   <li>{@link Sturges} and {@link Doane}: {@code np.histogram_bin_edges(ref, 'sturges'|'doane')}.</li>
 *   <li>{@link Explicit}: edges given by the caller (may include infinities).</li>
 * </ul>
 * Tied edges (e.g. deciles of data with many equal values) are collapsed, so fewer bins may result; all-equal
 * reference data gives 2 quantile bins {@code (-inf, v)}, {@code [v, +inf)}, or 1 width-based bin
 * {@code [v - 0.5, v + 0.5]} as numpy widens an empty range.
 */
public sealed interface Binning permits Binning.Quantiles, Binning.EqualWidth, Binning.Sturges, Binning.Doane,
        Binning.Explicit {

    /** Number of bins of the decile strategy. */
    int DECILE_BINS = 10;

    /** Bin edges for this reference sample; the reference must be non-empty and finite. */
    BinEdges edgesFor(double[] reference);

    static Binning deciles() {
        return new Quantiles(DECILE_BINS);
    }

    /** {@code count} bins at the reference quantiles {@code 1/count, ..., (count-1)/count}; open outer edges. */
    record Quantiles(int count) implements Binning {
        public Quantiles {
            if (count < 1) {
                throw new IllegalArgumentException("quantile bin count must be >= 1, got " + count);
            }
        }

        @Override
        public BinEdges edgesFor(double[] reference) {
            double[] sorted = NumpyCompat.sortedFinite(reference, "reference");
            double[] edges = new double[count + 1];
            edges[0] = Double.NEGATIVE_INFINITY;
            for (int i = 1; i < count; i++) {
                edges[i] = NumpyCompat.quantileLinear(sorted, i / (double) count);
            }
            edges[count] = Double.POSITIVE_INFINITY;
            return BinEdges.collapsing(edges);
        }
    }

    /** {@code bins} equal-width bins over the reference range [min, max]. */
    record EqualWidth(int bins) implements Binning {
        public EqualWidth {
            if (bins < 1) {
                throw new IllegalArgumentException("equal-width bin count must be >= 1, got " + bins);
            }
        }

        @Override
        public BinEdges edgesFor(double[] reference) {
            double[] sorted = NumpyCompat.sortedFinite(reference, "reference");
            return BinEdges.collapsing(NumpyCompat.equalWidthEdges(sorted[0], sorted[sorted.length - 1], bins));
        }
    }

    /** Sturges' rule, {@code ceil(range / (range / (log2 n + 1)))} equal-width bins. */
    record Sturges() implements Binning {
        @Override
        public BinEdges edgesFor(double[] reference) {
            double[] sorted = NumpyCompat.sortedFinite(reference, "reference");
            return widthBased(sorted, NumpyCompat.sturgesWidth(sorted));
        }
    }

    /** Doane's rule (Sturges corrected for skewness); one bin for fewer than 3 values or zero spread. */
    record Doane() implements Binning {
        @Override
        public BinEdges edgesFor(double[] reference) {
            double[] sorted = NumpyCompat.sortedFinite(reference, "reference");
            return widthBased(sorted, NumpyCompat.doaneWidth(sorted));
        }
    }

    /**
     * Caller-chosen edges: sorted, not NaN, at least two; duplicates are collapsed (a single distinct edge
     * {@code v} splits the line into {@code (-inf, v)} and {@code [v, +inf)}). Infinite outer edges are allowed.
     */
    record Explicit(double[] edges) implements Binning {
        public Explicit {
            edges = edges.clone();
        }

        @Override
        public double[] edges() {
            return edges.clone();
        }

        @Override
        public BinEdges edgesFor(double[] reference) {
            NumpyCompat.sortedFinite(reference, "reference");
            return BinEdges.collapsing(edges);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Explicit other && Arrays.equals(edges, other.edges);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(edges);
        }

        @Override
        public String toString() {
            return "Explicit" + Arrays.toString(edges);
        }
    }

    private static BinEdges widthBased(double[] sorted, double width) {
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        int bins = NumpyCompat.binsFromWidth(min, max, width);
        return BinEdges.collapsing(NumpyCompat.equalWidthEdges(min, max, bins));
    }
}
