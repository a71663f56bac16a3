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
 * <p>datasketches-java is pinned to 6.x (datasketches-memory 3): 7.x serializes through Java 17's incubating
 * foreign-memory API and would need {@code --add-modules=jdk.incubator.foreign} on every Flink JVM.
 */
public final class QuantileSketch implements MergeableState<QuantileSketch> {

    /** Format version of {@link #toBytes()}: this byte, then datasketches' compact KLL serialization. */
    public static final byte VERSION = 1;
    private static final String TYPE = "QuantileSketch";

    private final KllDoublesSketch sketch;

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

    /**
     * {@link #add(double)} for a value the caller has already checked finite. Values go to KLL one at a time:
     * buffering them for KLL's batch update was measured (benchmarks/RESULTS.md) and gained nothing, because
     * at window sizes KLL's cost is its level-0 compactions (every few values once the low levels shrink to
     * their minimum width), which a batch triggers just as often.
     */
    void addFinite(double value) {
        sketch.update(value);
    }

    /** Number of values added. */
    public long n() {
        return sketch.getN();
    }

    /** The KLL accuracy parameter. */
    public int k() {
        return sketch.getK();
    }

    /** Exact smallest value, NaN when empty. */
    public double min() {
        return sketch.isEmpty() ? Double.NaN : sketch.getMinItem();
    }

    /** Exact largest value, NaN when empty. */
    public double max() {
        return sketch.isEmpty() ? Double.NaN : sketch.getMaxItem();
    }

    /** Approximate {@code q}-quantile ({@code inverted_cdf} definition), NaN when empty. */
    public double quantile(double q) {
        SketchChecks.requireProbability(q);
        return sketch.isEmpty() ? Double.NaN : sketch.getQuantile(q, INCLUSIVE);
    }

    /** Approximate fraction of values {@code <= x}, NaN when empty. */
    public double rank(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("rank of NaN is undefined");
        }
        return sketch.isEmpty() ? Double.NaN : sketch.getRank(x, INCLUSIVE);
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
        return sketch.getNumRetained();
    }

    /** The retained values, ascending, with their inclusive cumulative weights; for the drift tests. */
    DoublesSortedView sortedView() {
        return sketch.getSortedView();
    }

    /** Merges as KLL does; sketches of different {@code k} may be merged, the result has the smaller k's error. */
    @Override
    public void merge(QuantileSketch other) {
        sketch.merge(other.sketch);
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
        return sketch.toByteArray();
    }

    private static KllDoublesSketch heapify(byte[] kll) {
        return KllDoublesSketch.heapify(Memory.wrap(kll, ByteOrder.LITTLE_ENDIAN));
    }

    @Override
    public boolean isEmpty() {
        return sketch.isEmpty();
    }

    @Override
    public String toString() {
        return "QuantileSketch{k=" + k() + ", n=" + n() + ", retained=" + numRetained() + '}';
    }
}
