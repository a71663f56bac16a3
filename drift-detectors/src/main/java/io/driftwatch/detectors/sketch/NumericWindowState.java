package io.driftwatch.detectors.sketch;

import io.driftwatch.detectors.state.StateBytes;
import io.driftwatch.detectors.state.MergeableState;
import io.driftwatch.detectors.state.SketchDefaults;
import java.nio.ByteBuffer;

/**
 * Everything Driftwatch keeps for one numeric feature in one window: counts over the reference bin edges,
 * a {@link QuantileSketch}, {@link Moments} and {@link QualityCounters}.
 *
 * <p>Routing in {@link #add(double)}: every call counts as seen; NaN and ±infinity are only counted as
 * quality issues; finite values go to the bins, the sketch and the moments, and those outside
 * {@code [referenceMin, referenceMax]} are additionally counted as {@link QualityIssue#OUT_OF_REFERENCE_RANGE}.
 * Missing values and type mismatches are recorded with {@link #addNull()} and {@link #addTypeMismatch()}.
 *
 * <p>The accessors return the live parts for reading; callers must not modify them.
 */
public final class NumericWindowState implements MergeableState<NumericWindowState> {

    /** Format version of {@link #toBytes()}: version, reference range, then the four parts, length-prefixed. */
    public static final byte VERSION = 1;
    private static final String TYPE = "NumericWindowState";

    private final double referenceMin;
    private final double referenceMax;
    private final BinCounts bins;
    private final QuantileSketch sketch;
    private final Moments moments;
    private final QualityCounters quality;

    /**
     * An empty state binned by the reference's interior edges, with the reference's observed range and a
     * KLL sketch with {@code k = }{@link SketchDefaults#KLL_K}.
     */
    public NumericWindowState(double[] referenceBinEdges, double referenceMin, double referenceMax) {
        this(referenceMin, referenceMax, new BinCounts(referenceBinEdges), new QuantileSketch(),
                new Moments(), new QualityCounters());
    }

    private NumericWindowState(double referenceMin, double referenceMax, BinCounts bins, QuantileSketch sketch,
                               Moments moments, QualityCounters quality) {
        SketchChecks.requireFinite(referenceMin, "reference min");
        SketchChecks.requireFinite(referenceMax, "reference max");
        if (referenceMin > referenceMax) {
            throw new IllegalArgumentException(
                    "reference min " + referenceMin + " exceeds reference max " + referenceMax);
        }
        this.referenceMin = referenceMin;
        this.referenceMax = referenceMax;
        this.bins = bins;
        this.sketch = sketch;
        this.moments = moments;
        this.quality = quality;
    }

    /** Adds one observed value, routed as described in the class comment. */
    public void add(double value) {
        quality.recordSeen();
        // one finiteness check here instead of one per part: the common case pays a single branch
        if (Double.isFinite(value)) {
            if (value < referenceMin || value > referenceMax) {
                quality.record(QualityIssue.OUT_OF_REFERENCE_RANGE);
            }
            bins.addNotNaN(value);
            sketch.addFinite(value);
            moments.addFinite(value);
        } else {
            quality.record(Double.isNaN(value) ? QualityIssue.NAN
                    : value > 0 ? QualityIssue.POSITIVE_INFINITY : QualityIssue.NEGATIVE_INFINITY);
        }
    }

    /** Records a missing value. */
    public void addNull() {
        quality.recordSeen();
        quality.record(QualityIssue.NULL);
    }

    /** Records a value of the wrong type. */
    public void addTypeMismatch() {
        quality.recordSeen();
        quality.record(QualityIssue.TYPE_MISMATCH);
    }

    public double referenceMin() {
        return referenceMin;
    }

    public double referenceMax() {
        return referenceMax;
    }

    public BinCounts bins() {
        return bins;
    }

    public QuantileSketch sketch() {
        return sketch;
    }

    public Moments moments() {
        return moments;
    }

    public QualityCounters quality() {
        return quality;
    }

    /** Merges part by part; both must share the reference edges and range. */
    @Override
    public void merge(NumericWindowState other) {
        if (Double.compare(referenceMin, other.referenceMin) != 0
                || Double.compare(referenceMax, other.referenceMax) != 0) {
            throw new IllegalArgumentException("cannot merge NumericWindowStates with different reference ranges: ["
                    + referenceMin + ", " + referenceMax + "] vs [" + other.referenceMin + ", "
                    + other.referenceMax + "]");
        }
        bins.merge(other.bins);
        sketch.merge(other.sketch);
        moments.merge(other.moments);
        quality.merge(other.quality);
    }

    @Override
    public NumericWindowState copy() {
        return new NumericWindowState(referenceMin, referenceMax, bins.copy(), sketch.copy(), moments.copy(),
                quality.copy());
    }

    @Override
    public byte[] toBytes() {
        byte[][] parts = {bins.toBytes(), sketch.toBytes(), moments.toBytes(), quality.toBytes()};
        int payload = 2 * Double.BYTES;
        for (byte[] part : parts) {
            payload += StateBytes.nestedSize(part);
        }
        ByteBuffer buffer = StateBytes.writer(VERSION, payload);
        buffer.putDouble(referenceMin).putDouble(referenceMax);
        for (byte[] part : parts) {
            StateBytes.putNested(buffer, part);
        }
        return buffer.array();
    }

    /** Inverts {@link #toBytes()}. */
    public static NumericWindowState fromBytes(byte[] bytes) {
        return StateBytes.decode(bytes, VERSION, TYPE, buffer -> new NumericWindowState(
                buffer.getDouble(), buffer.getDouble(),
                BinCounts.fromBytes(StateBytes.getNested(buffer, TYPE)),
                QuantileSketch.fromBytes(StateBytes.getNested(buffer, TYPE)),
                Moments.fromBytes(StateBytes.getNested(buffer, TYPE)),
                QualityCounters.fromBytes(StateBytes.getNested(buffer, TYPE))));
    }

    @Override
    public boolean isEmpty() {
        return quality.isEmpty() && bins.isEmpty() && sketch.isEmpty() && moments.isEmpty();
    }

    @Override
    public String toString() {
        return "NumericWindowState{" + bins + ", " + sketch + ", " + moments + ", " + quality + '}';
    }
}
