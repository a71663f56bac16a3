package io.driftwatch.detectors.sketch;

import io.driftwatch.detectors.state.StateBytes;
import io.driftwatch.detectors.state.MergeableState;
import java.nio.ByteBuffer;

/**
 * Count, mean, sum of squared deviations (M2), min and max of finite doubles: Welford's update and Chan et
 * al.'s pairwise merge (Chan, Golub, LeVeque 1979), both numerically stable.
 *
 * <p>Edge cases: empty gives NaN for mean, variances, min and max; one value gives sample variance NaN
 * (as numpy with {@code ddof=1}); all-equal values give variance 0. NaN and infinities are rejected. Merges
 * in a different order may differ in the last bits of mean and M2.
 */
public final class Moments implements MergeableState<Moments> {

    /** Format version of {@link #toBytes()}. */
    public static final byte VERSION = 1;
    private static final String TYPE = "Moments";
    private static final int PAYLOAD_BYTES = Long.BYTES + 4 * Double.BYTES;

    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    /** Adds one finite value. */
    public void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Moments accepts finite values only, got " + value);
        }
        addFinite(value);
    }

    /** {@link #add(double)} for a value the caller has already checked finite. */
    void addFinite(double value) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    public long count() {
        return count;
    }

    /** Arithmetic mean, NaN when empty. */
    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** Sum of squared deviations from the mean. */
    public double m2() {
        return m2;
    }

    /** Population variance ({@code ddof = 0}), NaN when empty. */
    public double populationVariance() {
        return count == 0 ? Double.NaN : m2 / count;
    }

    /** Sample variance ({@code ddof = 1}), NaN when fewer than two values. */
    public double sampleVariance() {
        return count < 2 ? Double.NaN : m2 / (count - 1);
    }

    /** Smallest value, NaN when empty. */
    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    /** Largest value, NaN when empty. */
    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    @Override
    public void merge(Moments other) {
        if (other.count == 0) {
            return;
        }
        if (count == 0) {
            set(other.count, other.mean, other.m2, other.min, other.max);
            return;
        }
        long total = count + other.count;
        double delta = other.mean - mean;
        // Weighted mean in a form symmetric in the two operands, so a.merge(b) and b.merge(a) agree.
        double mergedMean = (count * mean + other.count * other.mean) / total;
        if (!Double.isFinite(mergedMean)) {
            mergedMean = mean + delta * ((double) other.count / total);
        }
        double mergedM2 = m2 + other.m2 + delta * delta * ((double) count * other.count / total);
        set(total, mergedMean, mergedM2, Math.min(min, other.min), Math.max(max, other.max));
    }

    private void set(long count, double mean, double m2, double min, double max) {
        this.count = count;
        this.mean = mean;
        this.m2 = m2;
        this.min = min;
        this.max = max;
    }

    @Override
    public Moments copy() {
        Moments copy = new Moments();
        copy.set(count, mean, m2, min, max);
        return copy;
    }

    @Override
    public byte[] toBytes() {
        ByteBuffer buffer = StateBytes.writer(VERSION, PAYLOAD_BYTES);
        buffer.putLong(count).putDouble(mean).putDouble(m2).putDouble(min).putDouble(max);
        return buffer.array();
    }

    /** Inverts {@link #toBytes()}. */
    public static Moments fromBytes(byte[] bytes) {
        return StateBytes.decode(bytes, VERSION, TYPE, buffer -> {
            Moments moments = new Moments();
            long count = buffer.getLong();
            if (count < 0) {
                throw new IllegalArgumentException(TYPE + ": negative count " + count);
            }
            moments.set(count, buffer.getDouble(), buffer.getDouble(), buffer.getDouble(), buffer.getDouble());
            return moments;
        });
    }

    @Override
    public boolean isEmpty() {
        return count == 0;
    }

    @Override
    public String toString() {
        return "Moments{n=" + count + ", mean=" + mean() + ", var=" + populationVariance() + '}';
    }
}
