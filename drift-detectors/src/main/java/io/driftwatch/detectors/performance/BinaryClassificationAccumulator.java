package io.driftwatch.detectors.performance;

import io.driftwatch.detectors.state.StateBytes;
import io.driftwatch.detectors.state.MergeableState;
import java.nio.ByteBuffer;

/**
 * Streaming, mergeable state for a binary classifier's calibration and performance, of bounded size
 * whatever the number of observations (at most ~28 bytes per histogram bin plus ~400 bytes).
 *
 * <p>Exact (equal to {@link BinaryClassificationEvaluator} up to summation order): ECE, MCE, reliability
 * bins, Brier score, log loss, confusion matrix and the ratios from it. Approximate, from a per-class
 * equal-width score histogram with {@link #histogramResolution()} bins, each with a worst-case bound
 * (see {@link ApproximateValue}): ROC AUC (bound (1/2) sum_b pos_b neg_b / (P N): only same-bin pairs are
 * uncertain), average precision (half the width of the range over all within-bin orders) and adaptive ECE.
 * For continuous scores and N in the thousands the AUC and AP bounds are of order 1/resolution or smaller.
 *
 * <p>Not thread-safe. {@link #add} allocates nothing.
 */
public final class BinaryClassificationAccumulator implements MergeableState<BinaryClassificationAccumulator> {
    /** Default histogram resolution: 1000 bins of width 0.001, ~28 KB when every bin is occupied. */
    public static final int DEFAULT_HISTOGRAM_BINS = 1000;
    /** Upper limit on the resolution, to keep state bounded (~28 MB at most). */
    public static final int MAX_HISTOGRAM_BINS = 1_000_000;

    private static final byte FORMAT_VERSION = 1;
    private static final String TYPE = "BinaryClassificationAccumulator";

    private final BinaryTally tally;
    private final ScoreHistogram histogram;

    /** With {@link #DEFAULT_HISTOGRAM_BINS}. */
    public BinaryClassificationAccumulator(double threshold) {
        this(threshold, DEFAULT_HISTOGRAM_BINS);
    }

    /**
     * @param threshold decision threshold in [0, 1]; predict 1 when score &gt;= threshold
     * @param histogramBins score histogram resolution, 1 to {@link #MAX_HISTOGRAM_BINS}
     */
    public BinaryClassificationAccumulator(double threshold, int histogramBins) {
        this(threshold, histogramBins, BinaryClassificationEvaluator.DEFAULT_BINS);
    }

    /**
     * @param reliabilityBins equal-width reliability bins for ECE/MCE and equal-mass groups for adaptive ECE,
     *     1 to 1000
     */
    public BinaryClassificationAccumulator(double threshold, int histogramBins, int reliabilityBins) {
        this(new BinaryTally(threshold, reliabilityBins), new ScoreHistogram(checkResolution(histogramBins)));
    }

    private BinaryClassificationAccumulator(BinaryTally tally, ScoreHistogram histogram) {
        this.tally = tally;
        this.histogram = histogram;
    }

    private static int checkResolution(int bins) {
        if (bins < 1 || bins > MAX_HISTOGRAM_BINS) {
            throw new IllegalArgumentException(
                    "histogram bins must be in [1, " + MAX_HISTOGRAM_BINS + "], got " + bins);
        }
        return bins;
    }

    /**
     * Adds one scored, labelled example.
     *
     * @throws IllegalArgumentException if score is outside [0, 1] or NaN, or label is not 0/1
     */
    public void add(double score, int label) {
        Checks.requireScore(score);
        Checks.requireBinaryLabel(label);
        tally.add(score, label);
        histogram.add(score, label);
    }

    public double threshold() {
        return tally.threshold();
    }

    public int histogramResolution() {
        return histogram.resolution();
    }

    public long count() {
        return tally.count();
    }

    /** All metrics; rocAuc, averagePrecision and ace are the approximations below (bounds not included). */
    public BinaryClassificationMetrics metrics() {
        return BinaryClassificationMetrics.of(tally, adaptiveCalibrationError().value(), rocAuc().value(),
                averagePrecision().value());
    }

    /** ROC AUC from the histogram with its worst-case bound; NaN if a class is missing. */
    public ApproximateValue rocAuc() {
        ScoreGroups groups = histogram.groups();
        return new ApproximateValue(groups.rocAucTied(), groups.rocAucBinningBound());
    }

    /** Average precision from the histogram with its worst-case bound; NaN if a class is missing. */
    public ApproximateValue averagePrecision() {
        return histogram.groups().averagePrecisionFromBins();
    }

    /** Adaptive ECE (as many equal-mass groups as reliability bins) from the histogram with its worst-case bound; NaN when empty. */
    public ApproximateValue adaptiveCalibrationError() {
        return histogram.adaptiveCalibrationError(tally.reliability().binCount());
    }

    public ConfusionMatrix confusionMatrix() {
        return tally.confusion();
    }

    /** @throws IllegalArgumentException if threshold or resolution differ */
    @Override
    public void merge(BinaryClassificationAccumulator other) {
        if (histogram.resolution() != other.histogram.resolution()) {
            throw new IllegalArgumentException("cannot merge accumulators with histogram resolutions "
                    + histogram.resolution() + " and " + other.histogram.resolution());
        }
        tally.merge(other.tally);
        histogram.merge(other.histogram);
    }

    @Override
    public BinaryClassificationAccumulator copy() {
        return new BinaryClassificationAccumulator(tally.copy(), histogram.copy());
    }

    @Override
    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(1 + tally.encodedSize() + histogram.encodedSize());
        out.put(FORMAT_VERSION);
        tally.write(out);
        histogram.write(out);
        return out.array();
    }

    /** Inverts {@link #toBytes()}; @throws IllegalArgumentException on an unknown version or bad encoding. */
    public static BinaryClassificationAccumulator fromBytes(byte[] bytes) {
        return StateBytes.decode(bytes, FORMAT_VERSION, TYPE, in -> {
            BinaryTally tally = BinaryTally.read(in);
            ScoreHistogram histogram = ScoreHistogram.read(in, MAX_HISTOGRAM_BINS);
            if (histogram.total() != tally.count()) {
                throw new IllegalArgumentException(TYPE + " encoding: histogram and tally counts differ");
            }
            return new BinaryClassificationAccumulator(tally, histogram);
        });
    }

    @Override
    public boolean isEmpty() {
        return tally.count() == 0;
    }
}
