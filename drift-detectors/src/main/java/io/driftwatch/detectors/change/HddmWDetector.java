package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * HDDM_W (Frías-Blanco et al. 2015, test on exponentially weighted moving averages) over values in
 * [0, 1]. The total EWMA plus its bound defines a cut point (kept where it was lowest); the EWMA of
 * the values after the cut is compared with the EWMA at the cut, and a difference beyond the bound
 * of both warns or signals a change.
 *
 * <p>As in MOA's HDDM_W_Test: no minimum number of inputs; on a change all statistics restart at
 * once (before the decrease statistics see the triggering value); with {@link TestSide#TWO_SIDED}
 * a significant decrease silently restarts the statistics. Unlike MOA, whose samples are static
 * fields shared by all instances, each instance here has its own state.
 */
final class HddmWDetector extends BaseDetector {

    /**
     * MOA starts the decrease cut point at {@code Double.MIN_VALUE} (the smallest positive double)
     * rather than at minus infinity. Kept as in MOA; for inputs in [0, 1] it cannot change a signal:
     * before the cut moves, the EWMA at any would-be cut is at most its own bound, which is below
     * the bound a decrease must exceed.
     */
    private static final double INITIAL_DECREASE_CUT = Double.MIN_VALUE;
    private static final double INITIAL_INCREASE_CUT = Double.MAX_VALUE;

    private final HddmWParams params;
    private final EwmaSample total = new EwmaSample();
    private final EwmaSample atIncreaseCut = new EwmaSample();
    private final EwmaSample afterIncreaseCut = new EwmaSample();
    private final EwmaSample atDecreaseCut = new EwmaSample();
    private final EwmaSample afterDecreaseCut = new EwmaSample();
    private double increaseCut = INITIAL_INCREASE_CUT;
    private double decreaseCut = INITIAL_DECREASE_CUT;

    HddmWDetector(HddmWParams params) {
        this.params = params;
    }

    @Override
    public HddmWParams params() {
        return params;
    }

    @Override
    void checkDomain(double value) {
        Checks.unitValue(id(), value);
    }

    private void reset() {
        total.clear();
        atIncreaseCut.clear();
        afterIncreaseCut.clear();
        atDecreaseCut.clear();
        afterDecreaseCut.clear();
        increaseCut = INITIAL_INCREASE_CUT;
        decreaseCut = INITIAL_DECREASE_CUT;
    }

    @Override
    Signal step(double value) {
        double lambda = params.lambda();
        total.add(value, lambda);
        double upper = total.mean() + total.bound(params.driftConfidence());
        if (upper < increaseCut) {
            increaseCut = upper;
            atIncreaseCut.copyFrom(total);
            afterIncreaseCut.clear();
        } else {
            afterIncreaseCut.add(value, lambda);
        }
        Signal signal;
        if (significantlyAbove(afterIncreaseCut, atIncreaseCut, params.driftConfidence())) {
            reset();
            signal = Signal.CHANGE;
        } else if (significantlyAbove(afterIncreaseCut, atIncreaseCut, params.warningConfidence())) {
            signal = Signal.WARNING;
        } else {
            signal = Signal.NONE;
        }
        updateDecreaseStatistics(value, lambda);
        if (params.side() == TestSide.TWO_SIDED
                && significantlyAbove(atDecreaseCut, afterDecreaseCut, params.driftConfidence())) {
            reset();
        }
        return signal;
    }

    private void updateDecreaseStatistics(double value, double lambda) {
        // After a reset the total is empty: its mean is the EMPTY marker and its bound 0, so the
        // cut stays and the value goes to the after-cut sample, as in MOA.
        double lower = total.mean() - total.bound(params.driftConfidence());
        if (lower > decreaseCut) {
            decreaseCut = lower;
            atDecreaseCut.copyFrom(total);
            afterDecreaseCut.clear();
        } else {
            afterDecreaseCut.add(value, lambda);
        }
    }

    /** Whether {@code higher}'s EWMA exceeds {@code lower}'s by more than the bound of both (paper, Theorem 2). */
    private static boolean significantlyAbove(EwmaSample higher, EwmaSample lower, double confidence) {
        if (higher.isEmpty() || lower.isEmpty()) {
            return false;
        }
        double weightSum = higher.squaredWeightSum() + lower.squaredWeightSum();
        double bound = Math.sqrt(weightSum * Math.log(1 / confidence) / 2);
        return higher.mean() - lower.mean() > bound;
    }

    @Override
    void writeBody(DataOutput out) throws IOException {
        params.write(out);
        total.write(out);
        atIncreaseCut.write(out);
        afterIncreaseCut.write(out);
        atDecreaseCut.write(out);
        afterDecreaseCut.write(out);
        out.writeDouble(increaseCut);
        out.writeDouble(decreaseCut);
    }

    static HddmWDetector read(DataInput in) throws IOException {
        HddmWDetector d = new HddmWDetector(HddmWParams.read(in));
        d.total.read(in);
        d.atIncreaseCut.read(in);
        d.afterIncreaseCut.read(in);
        d.atDecreaseCut.read(in);
        d.afterDecreaseCut.read(in);
        d.increaseCut = in.readDouble();
        d.decreaseCut = in.readDouble();
        return d;
    }
}
