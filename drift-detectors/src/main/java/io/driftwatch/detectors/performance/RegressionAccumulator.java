package io.driftwatch.detectors.performance;

import io.driftwatch.detectors.state.StateBytes;
import io.driftwatch.detectors.state.MergeableState;
import java.nio.ByteBuffer;

/**
 * Streaming, mergeable regression state with exact MAE, RMSE, MAPE and R²: count, sum |e|, sum e², sum
 * |e| / max(|y|, eps), and the mean and centred sum of squares of y (Welford updates, Chan et al.'s pairwise
 * merge) rather than sum y and sum y², whose difference cancels catastrophically when |mean| &gt;&gt; sd.
 *
 * <p>R² follows sklearn's {@code r2_score} with {@code force_finite=True}: 1 when every prediction is exact,
 * 0 when y_true is constant but predictions are not, NaN for fewer than two examples. Constancy is detected
 * exactly (centred sum of squares 0); sklearn instead uses a rounded mean and can report a huge negative R²
 * for constants like 0.1 that are not exact in binary.
 *
 * <p>Not thread-safe; {@link #add} allocates nothing.
 */
public final class RegressionAccumulator implements MergeableState<RegressionAccumulator> {
    /**
     * MAPE's floor on |y_true|: {@code np.finfo(np.float64).eps} = 2^-52, as in sklearn's
     * {@code mean_absolute_percentage_error}, so y_true = 0 gives a huge but finite term.
     */
    public static final double MAPE_EPSILON = Math.ulp(1.0);

    private static final byte FORMAT_VERSION = 1;
    private static final String TYPE = "RegressionAccumulator";
    private static final int ENCODED_SIZE = 1 + Long.BYTES + 5 * Double.BYTES;

    private long count;
    private double absoluteErrorSum;
    private double squaredErrorSum;
    private double relativeErrorSum;
    private double meanTrue;
    private double centredSquaresTrue;

    /** @throws IllegalArgumentException if either value is NaN or infinite */
    public void add(double trueValue, double predictedValue) {
        Checks.requireFinite(trueValue, "true value");
        Checks.requireFinite(predictedValue, "predicted value");
        double error = Math.abs(trueValue - predictedValue);
        absoluteErrorSum += error;
        squaredErrorSum += error * error;
        relativeErrorSum += error / Math.max(Math.abs(trueValue), MAPE_EPSILON);
        count++;
        double delta = trueValue - meanTrue;
        meanTrue += delta / count;
        centredSquaresTrue += delta * (trueValue - meanTrue);
    }

    public long count() {
        return count;
    }

    public RegressionMetrics metrics() {
        if (count == 0) {
            return new RegressionMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new RegressionMetrics(absoluteErrorSum / count, Math.sqrt(squaredErrorSum / count),
                relativeErrorSum / count, r2());
    }

    private double r2() {
        if (count < 2) {
            return Double.NaN;
        }
        if (squaredErrorSum == 0) {
            return 1.0;
        }
        if (centredSquaresTrue == 0) {
            return 0.0;
        }
        return 1.0 - squaredErrorSum / centredSquaresTrue;
    }

    @Override
    public void merge(RegressionAccumulator other) {
        if (other.count == 0) {
            return;
        }
        long combined = count + other.count;
        double delta = other.meanTrue - meanTrue;
        centredSquaresTrue += other.centredSquaresTrue + delta * delta * ((double) count * other.count / combined);
        meanTrue += delta * ((double) other.count / combined);
        count = combined;
        absoluteErrorSum += other.absoluteErrorSum;
        squaredErrorSum += other.squaredErrorSum;
        relativeErrorSum += other.relativeErrorSum;
    }

    @Override
    public RegressionAccumulator copy() {
        RegressionAccumulator copy = new RegressionAccumulator();
        copy.merge(this);
        return copy;
    }

    @Override
    public byte[] toBytes() {
        return ByteBuffer.allocate(ENCODED_SIZE).put(FORMAT_VERSION).putLong(count).putDouble(absoluteErrorSum)
                .putDouble(squaredErrorSum).putDouble(relativeErrorSum).putDouble(meanTrue)
                .putDouble(centredSquaresTrue).array();
    }

    /** Inverts {@link #toBytes()}; @throws IllegalArgumentException on an unknown version or bad encoding. */
    public static RegressionAccumulator fromBytes(byte[] bytes) {
        return StateBytes.decode(bytes, FORMAT_VERSION, TYPE, in -> {
            RegressionAccumulator state = new RegressionAccumulator();
            state.count = in.getLong();
            state.absoluteErrorSum = in.getDouble();
            state.squaredErrorSum = in.getDouble();
            state.relativeErrorSum = in.getDouble();
            state.meanTrue = in.getDouble();
            state.centredSquaresTrue = in.getDouble();
            if (state.count < 0) {
                throw new IllegalArgumentException(TYPE + " encoding has a negative count");
            }
            return state;
        });
    }

    @Override
    public boolean isEmpty() {
        return count == 0;
    }
}
