package io.driftwatch.detectors.profile;

import io.driftwatch.detectors.internal.EdgeSearch;
import java.util.Arrays;

/**
 * Strictly increasing bin edges {@code e0 < e1 < ... < ek} defining {@code k} bins {@code [e_i, e_i+1)}.
 * Values below {@code e0} count in the first bin and values at or above {@code ek} in the last, so the
 * outer edges are effectively open and every non-NaN value (including infinities) has a bin. On the
 * reference sample this gives exactly {@code np.histogram(ref, edges)} counts (numpy closes the last bin).
 */
public final class BinEdges {

    private final double[] edges;

    private BinEdges(double[] edges) {
        this.edges = edges;
    }

    /** Edges exactly as given: strictly increasing, no NaN, at least two. */
    public static BinEdges of(double... edges) {
        validate(edges);
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i - 1] < edges[i])) {
                throw new IllegalArgumentException("bin edges must be strictly increasing, got " + edges[i - 1]
                        + " then " + edges[i] + " at index " + i);
            }
        }
        return new BinEdges(edges.clone());
    }

    /**
     * Edges from a non-decreasing list, keeping one of each run of equal values (ties in quantiles). If all
     * edges are equal a single open edge splits the line into two bins {@code (-inf, v)}, {@code [v, +inf)}.
     */
    public static BinEdges collapsing(double... edges) {
        validate(edges);
        double[] kept = new double[edges.length];
        int n = 0;
        for (int i = 0; i < edges.length; i++) {
            if (i > 0 && edges[i] < edges[i - 1]) {
                throw new IllegalArgumentException("bin edges must be sorted, got " + edges[i - 1] + " then "
                        + edges[i] + " at index " + i);
            }
            if (n == 0 || edges[i] != kept[n - 1]) {
                kept[n++] = edges[i];
            }
        }
        if (n == 1) {
            return new BinEdges(new double[] {Double.NEGATIVE_INFINITY, kept[0], Double.POSITIVE_INFINITY});
        }
        return new BinEdges(Arrays.copyOf(kept, n));
    }

    private static void validate(double[] edges) {
        if (edges.length < 2) {
            throw new IllegalArgumentException("need at least 2 bin edges, got " + edges.length);
        }
        for (int i = 0; i < edges.length; i++) {
            if (Double.isNaN(edges[i])) {
                throw new IllegalArgumentException("bin edge " + i + " is NaN");
            }
        }
    }

    public int binCount() {
        return edges.length - 1;
    }

    /** A copy of the edges. */
    public double[] edges() {
        return edges.clone();
    }

    /**
     * The edges strictly between the outer two ({@code e1 ... e(k-1)}), the form window state takes: since the
     * outer bins are open, bin {@code i} holds values with exactly {@code i} interior edges at or below them.
     */
    public double[] interiorEdges() {
        return Arrays.copyOfRange(edges, 1, edges.length - 1);
    }

    public double edge(int i) {
        return edges[i];
    }

    /** Index of the bin holding {@code value}; NaN is rejected. */
    public int binIndex(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("cannot bin NaN");
        }
        // bin i holds the values with exactly i interior edges (edges[1 .. k-1]) at or below them
        return EdgeSearch.countAtOrBelow(edges, 1, edges.length - 1, value);
    }

    /** Counts per bin of {@code values}; NaN is rejected. */
    public long[] histogram(double[] values) {
        long[] counts = new long[binCount()];
        for (double v : values) {
            counts[binIndex(v)]++;
        }
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinEdges other && Arrays.equals(edges, other.edges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(edges);
    }

    @Override
    public String toString() {
        return "BinEdges" + Arrays.toString(edges);
    }
}
