package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * HDDM_A (Frías-Blanco et al. 2015, algorithm with Hoeffding bounds on moving averages) over
 * values in [0, 1]. Keeps the running total and remembers the cut point where the mean plus its
 * Hoeffding bound was lowest (and, for the decrease test, where the mean minus the bound was
 * highest); a significant increase of the mean since the low cut point warns or signals a change.
 *
 * <p>As in MOA's HDDM_A_Test: no minimum number of inputs (the bound itself is wide for small n);
 * on a change all statistics restart immediately (the triggering value is not carried over);
 * with {@link TestSide#TWO_SIDED} a significant decrease silently restarts the statistics
 * without a signal.
 */
final class HddmADetector extends BaseDetector {

    private final HddmAParams params;
    private int lowCutCount;
    private double lowCutSum;
    private int highCutCount;
    private double highCutSum;
    private int totalCount;
    private double totalSum;

    HddmADetector(HddmAParams params) {
        this.params = params;
    }

    @Override
    public HddmAParams params() {
        return params;
    }

    @Override
    void checkDomain(double value) {
        Checks.unitValue(id(), value);
    }

    private void reset() {
        lowCutCount = 0;
        highCutCount = 0;
        totalCount = 0;
        lowCutSum = 0;
        highCutSum = 0;
        totalSum = 0;
    }

    /** Hoeffding half-width for a mean of n values in [0,1] at the given confidence: sqrt(ln(1/conf)/(2n)). */
    private static double hoeffdingBound(int n, double confidence) {
        return Math.sqrt(1.0 / (2 * n) * Math.log(1.0 / confidence));
    }

    @Override
    Signal step(double value) {
        totalCount++;
        totalSum += value;
        if (lowCutCount == 0) {
            lowCutCount = totalCount;
            lowCutSum = totalSum;
        }
        if (highCutCount == 0) {
            highCutCount = totalCount;
            highCutSum = totalSum;
        }
        double confidence = params.driftConfidence();
        double totalBound = hoeffdingBound(totalCount, confidence);
        double totalMean = totalSum / totalCount;
        if (lowCutSum / lowCutCount + hoeffdingBound(lowCutCount, confidence) >= totalMean + totalBound) {
            lowCutSum = totalSum;
            lowCutCount = totalCount;
        }
        if (highCutSum / highCutCount - hoeffdingBound(highCutCount, confidence) <= totalMean - totalBound) {
            highCutSum = totalSum;
            highCutCount = totalCount;
        }
        Signal signal;
        if (increased(params.driftConfidence())) {
            reset();
            signal = Signal.CHANGE;
        } else if (increased(params.warningConfidence())) {
            signal = Signal.WARNING;
        } else {
            signal = Signal.NONE;
        }
        if (params.side() == TestSide.TWO_SIDED && totalCount > 0 && decreased(params.driftConfidence())) {
            reset();
        }
        return signal;
    }

    /**
     * Hoeffding bound for the difference between the mean up to the cut point and the mean over
     * all {@code totalCount} values (paper, Theorem 1); infinite when the cut is the last value.
     */
    private static double differenceBound(int cutCount, int totalCount, double confidence) {
        if (cutCount == totalCount) {
            return Double.POSITIVE_INFINITY;
        }
        double m = (double) (totalCount - cutCount) / cutCount * (1.0 / totalCount);
        return Math.sqrt(m / 2 * Math.log(2.0 / confidence));
    }

    private boolean increased(double confidence) {
        double bound = differenceBound(lowCutCount, totalCount, confidence);
        return totalSum / totalCount - lowCutSum / lowCutCount >= bound;
    }

    private boolean decreased(double confidence) {
        double bound = differenceBound(highCutCount, totalCount, confidence);
        return highCutSum / highCutCount - totalSum / totalCount >= bound;
    }

    @Override
    void writeBody(DataOutput out) throws IOException {
        params.write(out);
        out.writeInt(lowCutCount);
        out.writeDouble(lowCutSum);
        out.writeInt(highCutCount);
        out.writeDouble(highCutSum);
        out.writeInt(totalCount);
        out.writeDouble(totalSum);
    }

    static HddmADetector read(DataInput in) throws IOException {
        HddmADetector d = new HddmADetector(HddmAParams.read(in));
        d.lowCutCount = in.readInt();
        d.lowCutSum = in.readDouble();
        d.highCutCount = in.readInt();
        d.highCutSum = in.readDouble();
        d.totalCount = in.readInt();
        d.totalSum = in.readDouble();
        return d;
    }
}
