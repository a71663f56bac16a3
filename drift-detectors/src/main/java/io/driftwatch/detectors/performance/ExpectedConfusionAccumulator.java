package io.driftwatch.detectors.performance;

import io.driftwatch.detectors.state.StateBytes;
import io.driftwatch.detectors.state.MergeableState;
import java.nio.ByteBuffer;

/**
 * Label-free, mergeable state for confidence-based performance estimation (CBPE) of a binary classifier:
 * per side of the threshold, the number of scores and their sum, from which the expected confusion counts
 * follow (see {@link EstimatedBinaryPerformance} for the calibration assumption). Exact; four numbers.
 * Not thread-safe; {@link #add} allocates nothing.
 */
public final class ExpectedConfusionAccumulator implements MergeableState<ExpectedConfusionAccumulator> {
    private static final byte FORMAT_VERSION = 1;
    private static final String TYPE = "ExpectedConfusionAccumulator";
    private static final int ENCODED_SIZE = 1 + 3 * Double.BYTES + 2 * Long.BYTES;

    private final double threshold;
    private long predictedPositive;
    private long predictedNegative;
    private double scoreSumPositive;
    private double scoreSumNegative;

    /** @param threshold decision threshold in [0, 1]; predict 1 when score &gt;= threshold */
    public ExpectedConfusionAccumulator(double threshold) {
        Checks.requireThreshold(threshold);
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** @throws IllegalArgumentException if score is outside [0, 1] or NaN */
    public void add(double score) {
        Checks.requireScore(score);
        if (score >= threshold) {
            predictedPositive++;
            scoreSumPositive += score;
        } else {
            predictedNegative++;
            scoreSumNegative += score;
        }
    }

    public long count() {
        return predictedPositive + predictedNegative;
    }

    public EstimatedBinaryPerformance estimate() {
        return EstimatedBinaryPerformance.of(scoreSumPositive, predictedPositive - scoreSumPositive,
                scoreSumNegative, predictedNegative - scoreSumNegative);
    }

    /** @throws IllegalArgumentException if the thresholds differ */
    @Override
    public void merge(ExpectedConfusionAccumulator other) {
        if (Double.compare(threshold, other.threshold) != 0) {
            throw new IllegalArgumentException(
                    "cannot merge states with different thresholds: " + threshold + " vs " + other.threshold);
        }
        predictedPositive += other.predictedPositive;
        predictedNegative += other.predictedNegative;
        scoreSumPositive += other.scoreSumPositive;
        scoreSumNegative += other.scoreSumNegative;
    }

    @Override
    public ExpectedConfusionAccumulator copy() {
        ExpectedConfusionAccumulator copy = new ExpectedConfusionAccumulator(threshold);
        copy.merge(this);
        return copy;
    }

    @Override
    public byte[] toBytes() {
        return ByteBuffer.allocate(ENCODED_SIZE).put(FORMAT_VERSION).putDouble(threshold)
                .putLong(predictedPositive).putLong(predictedNegative).putDouble(scoreSumPositive)
                .putDouble(scoreSumNegative).array();
    }

    /** Inverts {@link #toBytes()}; @throws IllegalArgumentException on an unknown version or bad encoding. */
    public static ExpectedConfusionAccumulator fromBytes(byte[] bytes) {
        return StateBytes.decode(bytes, FORMAT_VERSION, TYPE, in -> {
            ExpectedConfusionAccumulator state = new ExpectedConfusionAccumulator(in.getDouble());
            state.predictedPositive = in.getLong();
            state.predictedNegative = in.getLong();
            state.scoreSumPositive = in.getDouble();
            state.scoreSumNegative = in.getDouble();
            if (state.predictedPositive < 0 || state.predictedNegative < 0) {
                throw new IllegalArgumentException(TYPE + " encoding has a negative count");
            }
            return state;
        });
    }

    @Override
    public boolean isEmpty() {
        return count() == 0;
    }
}
