package io.driftwatch.detectors.internal;

/**
 * Bin lookup shared by {@code BinCounts} and {@code BinEdges}: how many of a range of strictly increasing
 * edges are at or below a value (numpy's {@code searchsorted(edges, x, side='right')}). Not part of
 * Driftwatch's API.
 */
public final class EdgeSearch {

    /**
     * Up to this many edges (the 9 of decile bins, say) the edges are counted linearly rather than by binary
     * search: same result, without the binary search's data-dependent, mispredicted branches.
     */
    public static final int LINEAR_SCAN_MAX_EDGES = 16;

    private EdgeSearch() {}

    /** Number of {@code edges[from .. to)} (strictly increasing) that are {@code <= value}; value not NaN. */
    public static int countAtOrBelow(double[] edges, int from, int to, double value) {
        if (to - from <= LINEAR_SCAN_MAX_EDGES) {
            int below = 0;
            for (int i = from; i < to; i++) {
                below += edges[i] <= value ? 1 : 0;
            }
            return below;
        }
        int low = from;
        int high = to;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (edges[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low - from;
    }
}
