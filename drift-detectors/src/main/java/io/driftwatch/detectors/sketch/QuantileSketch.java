package io.driftwatch.detectors.sketch;

import io.driftwatch.detectors.state.StateBytes;
import static org.apache.datasketches.quantilescommon.QuantileSearchCriteria.INCLUSIVE;

import io.driftwatch.detectors.state.MergeableState;
import io.driftwatch.detectors.state.SketchDefaults;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.datasketches.common.SketchesException;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.quantilescommon.DoublesSortedView;

/**
 * A streaming quantile sketch over finite doubles: a thin wrapper of datasketches' {@link KllDoublesSketch}
 * (accuracy parameter {@link SketchDefaults#KLL_K} unless given).
 *
 * <p>Definitions: {@link #rank(double)} is the fraction of values {@code <= x}; {@link #quantile(double)}
 * is the smallest retained value whose rank is {@code >= q} (numpy's {@code inverted_cdf}). Both are
 * within {@link #normalizedRankError()} (in rank) of the exact answer with 99% confidence. While
 * {@code n <= k} the sketch holds every value and is exact.
 *
 * <p>KLL compaction is randomized, so merging in a different order gives a statistically equivalent, not
 * byte-identical, sketch. Edge cases: NaN and infinities are rejected (route them to
 * {@link QualityCounters}); queries on an empty sketch return NaN.
 *
 * <p>{@link #add(double)} collects values in a small buffer of {@link #ADD_BUFFER_SIZE} and hands them to KLL
 * in one batch update: KLL's per-value update costs more than copying a run of values into its level 0.
 * Every query, merge, copy and serialization first flushes the buffer, so the buffer is never observable;
 * the batch fills level 0 and triggers compactions at the same points as the same values added one by one.
 *
 * <p>datasketches-java is pinned to 6.x (datasketches-memory 3): 7.x serializes through Java 17's incubating
 * foreign-memory API and would need {@code --add-modules=jdk.incubator.foreign} on every Flink JVM.
 */
public final class QuantileSketch implements MergeableState<QuantileSketch> {

    /** Format version of {@link #toBytes()}: this byte, then datasketches' compact KLL serialization. */
    public static final byte VERSION = 1;
    private static final String TYPE = "QuantileSketch";

    /**
     * Values buffered by {@link #add(double)} before one batch update of KLL: enough to spread the batch
     * update's fixed cost (emptiness and NaN checks, sorted-view reset) thin, small enough (1 KiB) not to
     * matter beside KLL's own retained items (roughly 3k doubles, about 600 at k = 200).
     */
    static final int ADD_BUFFER_SIZE = 128;

    private final KllDoublesSketch sketch;
    private final double[] pending = new double[ADD_BUFFER_SIZE];
    private int pendingCount;

    /** An empty sketch with {@code k = }{@link SketchDefaults#KLL_K}. */
    public QuantileSketch() {
        this(SketchDefaults.KLL_K);
    }

    /** An empty sketch with accuracy parameter {@code k} (8 to 65535, datasketches' limits). */
    public QuantileSketch(int k) {
        this(newSketch(k));
    }

    private QuantileSketch(KllDoublesSketch sketch) {
        this.sketch = sketch;
    }

    private static KllDoublesSketch newSketch(int k) {
        try {
            return KllDoublesSketch.newHeapInstance(k);
        } catch (SketchesException e) {
            throw new IllegalArgumentException("invalid KLL k " + k + ": " + e.getMessage(), e);
        }
    }

    /** Adds one finite value. */
    public void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("QuantileSketch accepts finite values only, got " + value);
        }
        addFinite(value);
    }

    /** {@link #add(double)} for a value the caller has already checked finite. */
    void addFinite(double value) {
        if (pendingCount == ADD_BUFFER_SIZE) {
            flush();
        }
        pending[pendingCount++] = value;
    }

    /** Hands the buffered values to KLL; they were checked finite by {@link #add(double)}. */
    private void flush() {
        if (pendingCount > 0) {
            sketch.update(pending, 0, pendingCount);
            pendingCount = 0;
        }
    }

    /** The KLL sketch holding every value added so far. */
    private KllDoublesSketch flushed() {
        flush();
        return sketch;
    }

    /** Number of values added. */
    public long n() {
        return sketch.getN() + pendingCount;
    }

    /** The KLL accuracy parameter. */
    public int k() {
        return sketch.getK();
    }

    /** Exact smallest value, NaN when empty. */
    public double min() {
        KllDoublesSketch all = flushed();
        return all.isEmpty() ? Double.NaN : all.getMinItem();
    }

    /** Exact largest value, NaN when empty. */
    public double max() {
        KllDoublesSketch all = flushed();
        return all.isEmpty() ? Double.NaN : all.getMaxItem();
    }

    /** Approximate {@code q}-quantile ({@code inverted_cdf} definition), NaN when empty. */
    public double quantile(double q) {
        SketchChecks.requireProbability(q);
        KllDoublesSketch all = flushed();
        return all.isEmpty() ? Double.NaN : all.getQuantile(q, INCLUSIVE);
    }

    /** Approximate fraction of values {@code <= x}, NaN when empty. */
    public double rank(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("rank of NaN is undefined");
        }
        KllDoublesSketch all = flushed();
        return all.isEmpty() ? Double.NaN : all.getRank(x, INCLUSIVE);
    }

    /** Rank error of a single rank or quantile query (99% confidence): datasketches' single-query epsilon. */
    public double normalizedRankError() {
        return sketch.getNormalizedRankError(false);
    }

    /** Rank error holding for all ranks at once (99% confidence), for CDF-wide quantities. */
    public double normalizedRankErrorAllRanks() {
        return sketch.getNormalizedRankError(true);
    }

    /** Number of values the sketch retains (its memory footprint in items). */
    public int numRetained() {
        return flushed().getNumRetained();
    }

    /** The retained values, ascending, with their inclusive cumulative weights; for the drift tests. */
    DoublesSortedView sortedView() {
        return flushed().getSortedView();
    }

    /** Merges as KLL does; sketches of different {@code k} may be merged, the result has the smaller k's error. */
    @Override
    public void merge(QuantileSketch other) {
        flush();
        sketch.merge(other.sketch);
        // other's buffered values join as a batch, leaving other itself untouched
        if (other.pendingCount > 0) {
            sketch.update(other.pending, 0, other.pendingCount);
        }
    }

    @Override
    public QuantileSketch copy() {
        return new QuantileSketch(heapify(serialize()));
    }

    @Override
    public byte[] toBytes() {
        byte[] kll = serialize();
        byte[] bytes = new byte[1 + kll.length];
        bytes[0] = VERSION;
        System.arraycopy(kll, 0, bytes, 1, kll.length);
        return bytes;
    }

    /** Inverts {@link #toBytes()}. */
    public static QuantileSketch fromBytes(byte[] bytes) {
        StateBytes.reader(bytes, VERSION, TYPE);
        byte[] kll = Arrays.copyOfRange(bytes, 1, bytes.length);
        try {
            return new QuantileSketch(heapify(kll));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(TYPE + ": invalid KLL encoding: " + e.getMessage(), e);
        }
    }

    private byte[] serialize() {
        return flushed().toByteArray();
    }

    private static KllDoublesSketch heapify(byte[] kll) {
        return KllDoublesSketch.heapify(Memory.wrap(kll, ByteOrder.LITTLE_ENDIAN));
    }

    @Override
    public boolean isEmpty() {
        return pendingCount == 0 && sketch.isEmpty();
    }

    @Override
    public String toString() {
        return "QuantileSketch{k=" + k() + ", n=" + n() + ", retained=" + numRetained() + '}';
    }
}
