package io.driftwatch.detectors.sketch;

import io.driftwatch.detectors.internal.EdgeSearch;
import io.driftwatch.detectors.state.MergeableState;
import io.driftwatch.detectors.state.StateBytes;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Exact counts of values over fixed bins. The bins are given by {@code m} strictly increasing, finite
 * interior edges {@code e_0 < ... < e_(m-1)}, giving {@code m + 1} bins: {@code (-inf, e_0)},
 * {@code [e_0, e_1)}, ..., {@code [e_(m-1), +inf)}. A value equal to an edge goes to the bin above it
 * (numpy's {@code searchsorted(edges, x, side='right')}); {@code -0.0} equals {@code 0.0}. Infinities go to
 * the outer bins; NaN is rejected. No edges means a single bin.
 */
public final class BinCounts implements MergeableState<BinCounts> {

    /** Format version of {@link #toBytes()}: version, edge count, edges, then one count per bin. */
    public static final byte VERSION = 1;
    private static final String TYPE = "BinCounts";

    private final double[] edges;
    private final long[] counts;

    /** Empty counts over bins with the given interior edges (copied). */
    public BinCounts(double[] interiorEdges) {
        this(validated(interiorEdges), new long[interiorEdges.length + 1]);
    }

    private BinCounts(double[] edges, long[] counts) {
        this.edges = edges;
        this.counts = counts;
    }

    private static double[] validated(double[] interiorEdges) {
        if (interiorEdges == null) {
            throw new IllegalArgumentException("bin edges must not be null");
        }
        double[] copy = interiorEdges.clone();
        for (int i = 0; i < copy.length; i++) {
            SketchChecks.requireFinite(copy[i], "bin edge " + i);
            copy[i] += 0.0; // normalizes -0.0 to 0.0, so equal edge sets compare equal
            if (i > 0 && !(copy[i - 1] < copy[i])) {
                throw new IllegalArgumentException("bin edges must be strictly increasing, but edge " + (i - 1)
                        + " = " + copy[i - 1] + " and edge " + i + " = " + copy[i]);
            }
        }
        return copy;
    }

    /** Counts one value. */
    public void add(double value) {
        counts[binOf(value)]++;
    }

    /** {@link #add(double)} for a value the caller has already checked not NaN. */
    void addNotNaN(double value) {
        counts[EdgeSearch.countAtOrBelow(edges, 0, edges.length, value)]++;
    }

    /** Index of the bin holding {@code value}: the number of edges {@code <= value}. */
    public int binOf(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("BinCounts cannot bin NaN");
        }
        return EdgeSearch.countAtOrBelow(edges, 0, edges.length, value);
    }

    public int numBins() {
        return counts.length;
    }

    public long count(int bin) {
        return counts[bin];
    }

    /** A copy of the counts, one per bin. */
    public long[] counts() {
        return counts.clone();
    }

    /** A copy of the interior edges. */
    public double[] edges() {
        return edges.clone();
    }

    /** Number of values counted. */
    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** Adds {@code other}'s counts; both must have identical edges. */
    @Override
    public void merge(BinCounts other) {
        if (!Arrays.equals(edges, other.edges)) {
            throw new IllegalArgumentException("cannot merge BinCounts with different bin edges: "
                    + Arrays.toString(edges) + " vs " + Arrays.toString(other.edges));
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    @Override
    public BinCounts copy() {
        return new BinCounts(edges, counts.clone());
    }

    @Override
    public byte[] toBytes() {
        ByteBuffer buffer = StateBytes.writer(VERSION,
                Integer.BYTES + edges.length * Double.BYTES + counts.length * Long.BYTES);
        buffer.putInt(edges.length);
        for (double edge : edges) {
            buffer.putDouble(edge);
        }
        for (long count : counts) {
            buffer.putLong(count);
        }
        return buffer.array();
    }

    /** Inverts {@link #toBytes()}. */
    public static BinCounts fromBytes(byte[] bytes) {
        return StateBytes.decode(bytes, VERSION, TYPE, buffer -> {
            int numEdges = buffer.getInt();
            if (numEdges < 0 || (long) numEdges * Double.BYTES > buffer.remaining()) {
                throw new IllegalArgumentException(TYPE + ": invalid edge count " + numEdges);
            }
            double[] edges = new double[numEdges];
            for (int i = 0; i < numEdges; i++) {
                edges[i] = buffer.getDouble();
            }
            BinCounts bins = new BinCounts(edges);
            for (int i = 0; i < bins.counts.length; i++) {
                long count = buffer.getLong();
                if (count < 0) {
                    throw new IllegalArgumentException(TYPE + ": negative count " + count + " in bin " + i);
                }
                bins.counts[i] = count;
            }
            return bins;
        });
    }

    /** True when no value was counted (the edges are configuration, not data). */
    @Override
    public boolean isEmpty() {
        for (long count : counts) {
            if (count != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "BinCounts{edges=" + Arrays.toString(edges) + ", counts=" + Arrays.toString(counts) + '}';
    }
}
