package io.driftwatch.detectors.profile;

import io.driftwatch.detectors.internal.SampleMoments;
import io.driftwatch.detectors.state.SketchDefaults;
import java.util.Arrays;
import java.util.Objects;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * Reference distribution of a numeric feature: bin edges and counts per bin, count, min/max, mean and
 * population standard deviation (ddof 0, as {@code np.std}), and a KLL quantile sketch (k =
 * {@link SketchDefaults#KLL_K}) kept as its serialized bytes. Immutable; accessors return copies.
 */
public final class NumericProfile implements DistributionProfile {

    private final BinEdges edges;
    private final long[] binCounts;
    private final long count;
    private final double min;
    private final double max;
    private final double mean;
    private final double std;
    private final byte[] kllSketch;

    /** Rebuilds a profile from its parts (as decoded); checks they are consistent. */
    public NumericProfile(BinEdges edges, long[] binCounts, long count, double min, double max, double mean,
                          double std, byte[] kllSketch) {
        this.edges = Objects.requireNonNull(edges, "edges");
        this.binCounts = binCounts.clone();
        this.kllSketch = kllSketch.clone();
        if (binCounts.length != edges.binCount()) {
            throw new IllegalArgumentException("have " + binCounts.length + " bin counts for " + edges.binCount()
                    + " bins");
        }
        long sum = 0;
        for (long c : binCounts) {
            if (c < 0) {
                throw new IllegalArgumentException("negative bin count " + c);
            }
            sum += c;
        }
        if (count <= 0 || sum != count) {
            throw new IllegalArgumentException("count " + count + " must be positive and equal the bin counts' sum "
                    + sum);
        }
        if (!(min <= max) || !Double.isFinite(mean) || !(std >= 0)) {
            throw new IllegalArgumentException("inconsistent moments: min " + min + ", max " + max + ", mean " + mean
                    + ", std " + std);
        }
        long sketchCount;
        try {
            sketchCount = KllDoublesSketch.heapify(Memory.wrap(this.kllSketch)).getN();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("KLL sketch bytes do not decode: " + e.getMessage(), e);
        }
        if (sketchCount != count) {
            throw new IllegalArgumentException("KLL sketch holds " + sketchCount + " values, profile count is " + count);
        }
        this.count = count;
        this.min = min;
        this.max = max;
        this.mean = mean;
        this.std = std;
    }

    /**
     * Profiles a reference sample. Values must be finite (NaN or infinity gives an
     * {@link IllegalArgumentException} naming the index) and the sample non-empty.
     */
    public static NumericProfile fromReference(double[] reference, Binning binning) {
        double[] sorted = NumpyCompat.sortedFinite(reference, "reference");
        BinEdges edges = binning.edgesFor(sorted);
        double mean = SampleMoments.mean(sorted);
        double std = Math.sqrt(SampleMoments.sumOfSquaredDeviations(sorted, mean) / sorted.length);
        KllDoublesSketch sketch = KllDoublesSketch.newHeapInstance(SketchDefaults.KLL_K);
        for (double v : reference) {
            sketch.update(v);
        }
        return new NumericProfile(edges, edges.histogram(sorted), sorted.length, sorted[0],
                sorted[sorted.length - 1], mean, std, sketch.toByteArray());
    }

    @Override
    public FeatureKind kind() {
        return FeatureKind.NUMERIC;
    }

    public BinEdges edges() {
        return edges;
    }

    public long[] binCounts() {
        return binCounts.clone();
    }

    @Override
    public long count() {
        return count;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double mean() {
        return mean;
    }

    /** Population standard deviation (ddof 0). */
    public double std() {
        return std;
    }

    /** The serialized KLL sketch. */
    public byte[] kllSketchBytes() {
        return kllSketch.clone();
    }

    /** A fresh heap copy of the quantile sketch. */
    public KllDoublesSketch kllSketch() {
        return KllDoublesSketch.heapify(Memory.wrap(kllSketch));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NumericProfile p && edges.equals(p.edges) && Arrays.equals(binCounts, p.binCounts)
                && count == p.count && Double.compare(min, p.min) == 0 && Double.compare(max, p.max) == 0
                && Double.compare(mean, p.mean) == 0 && Double.compare(std, p.std) == 0
                && Arrays.equals(kllSketch, p.kllSketch);
    }

    @Override
    public int hashCode() {
        return Objects.hash(edges, Arrays.hashCode(binCounts), count, min, max, mean, std);
    }

    @Override
    public String toString() {
        return "NumericProfile{" + edges + ", counts=" + Arrays.toString(binCounts) + ", count=" + count + ", min="
                + min + ", max=" + max + ", mean=" + mean + ", std=" + std + "}";
    }
}
