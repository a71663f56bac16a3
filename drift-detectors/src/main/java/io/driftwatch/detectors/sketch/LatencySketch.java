package io.driftwatch.detectors.sketch;

import io.driftwatch.detectors.state.StateBytes;
import com.datadoghq.sketch.ddsketch.DDSketchWithExactSummaryStatistics;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.mapping.CubicallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import com.datadoghq.sketch.ddsketch.store.Store;
import io.driftwatch.detectors.state.MergeableState;
import io.driftwatch.detectors.state.SketchDefaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Latency quantiles with relative accuracy {@link SketchDefaults#DDSKETCH_RELATIVE_ACCURACY}: a DataDog
 * DDSketch (sketches-java) with exact count, sum, min and max.
 *
 * <p>Quantile definition: DDSketch returns (within the relative accuracy) the order statistic at index
 * {@code floor(q * (n - 1))} of the sorted values, i.e. numpy's {@code quantile(..., method='lower')}.
 *
 * <p>Memory is bounded: bins live in a {@link CollapsingLowestDenseStore} of at most {@link #MAX_BINS}
 * bins. With 1% accuracy consecutive bins grow by a factor {@code (1 + 0.01) / (1 - 0.01)}, so 2048 bins
 * span about 17 orders of magnitude below the largest value before the lowest bins are collapsed; only
 * then do the smallest latencies lose accuracy, the high quantiles never do.
 *
 * <p>Edge cases: negative values, NaN and infinities are rejected; quantiles of an empty sketch are NaN.
 * Merges are exact (bin counts add), except that the compensated sum may differ in its last bits.
 */
public final class LatencySketch implements MergeableState<LatencySketch> {

    /** Maximum number of bins per store: bounds memory (about 16 KB of counts at most). */
    public static final int MAX_BINS = 2048;
    /** Format version of {@link #toBytes()}: this byte, then sketches-java's own DDSketch encoding. */
    public static final byte VERSION = 1;
    private static final String TYPE = "LatencySketch";
    private static final Supplier<Store> STORE = () -> new CollapsingLowestDenseStore(MAX_BINS);

    private final DDSketchWithExactSummaryStatistics sketch;

    /** An empty sketch. */
    public LatencySketch() {
        this(new DDSketchWithExactSummaryStatistics(
                new CubicallyInterpolatedMapping(SketchDefaults.DDSKETCH_RELATIVE_ACCURACY), STORE));
    }

    private LatencySketch(DDSketchWithExactSummaryStatistics sketch) {
        this.sketch = sketch;
    }

    /** Adds one latency (finite, non-negative; any unit, used consistently). */
    public void add(double latency) {
        if (!(latency >= 0.0) || latency == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("latency must be finite and non-negative, got " + latency);
        }
        sketch.accept(latency);
    }

    /** Number of latencies added. */
    public long count() {
        return (long) sketch.getCount();
    }

    /** Exact sum of the latencies (compensated summation). */
    public double sum() {
        return sketch.getSum();
    }

    /** Exact smallest latency, NaN when empty. */
    public double min() {
        return isEmpty() ? Double.NaN : sketch.getMinValue();
    }

    /** Exact largest latency, NaN when empty. */
    public double max() {
        return isEmpty() ? Double.NaN : sketch.getMaxValue();
    }

    /** The {@code q}-quantile within the relative accuracy (numpy's 'lower' definition), NaN when empty. */
    public double quantile(double q) {
        SketchChecks.requireProbability(q);
        return isEmpty() ? Double.NaN : sketch.getValueAtQuantile(q);
    }

    /** p50, p90, p95, p99 and p999. */
    public LatencyQuantiles quantiles() {
        if (isEmpty()) {
            double[] none = new double[LatencyQuantiles.LEVELS.length];
            Arrays.fill(none, Double.NaN);
            return LatencyQuantiles.of(none);
        }
        return LatencyQuantiles.of(sketch.getValuesAtQuantiles(LatencyQuantiles.LEVELS));
    }

    @Override
    public void merge(LatencySketch other) {
        sketch.mergeWith(other.sketch);
    }

    @Override
    public LatencySketch copy() {
        return new LatencySketch(sketch.copy());
    }

    @Override
    public byte[] toBytes() {
        GrowingByteArrayOutput output = GrowingByteArrayOutput.withDefaultInitialCapacity();
        try {
            output.writeByte(VERSION);
            sketch.encode(output, false);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding to memory cannot fail", e);
        }
        return output.trimmedCopy();
    }

    /** Inverts {@link #toBytes()}. */
    public static LatencySketch fromBytes(byte[] bytes) {
        StateBytes.reader(bytes, VERSION, TYPE);
        try {
            return new LatencySketch(DDSketchWithExactSummaryStatistics.decode(
                    ByteArrayInput.wrap(bytes, 1, bytes.length - 1), STORE));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(TYPE + ": invalid DDSketch encoding: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isEmpty() {
        return sketch.getCount() == 0;
    }

    @Override
    public String toString() {
        return "LatencySketch{n=" + count() + ", quantiles=" + quantiles() + '}';
    }
}
