package io.driftwatch.detectors.drift.binned;

import java.util.Objects;

/**
 * Knobs of the histogram divergences.
 *
 * @param proportionFloor PSI and KL clip every proportion below at this value so that empty bins give a
 *                        finite result ({@code max(p, floor)}); JS, Hellinger, TVD and L-inf do not clip
 * @param jsLogBase       logarithm base of the Jensen–Shannon distance
 */
public record DivergenceOptions(double proportionFloor, LogBase jsLogBase) {

    /**
     * Default floor for empty bins in PSI and KL: 1e-4, the value Evidently substitutes for empty bins
     * ({@code get_binned_data}, 0.0001) and a common choice in PSI write-ups.
     */
    public static final double DEFAULT_PROPORTION_FLOOR = 1e-4;

    public static final DivergenceOptions DEFAULT = new DivergenceOptions(DEFAULT_PROPORTION_FLOOR, LogBase.TWO);

    public DivergenceOptions {
        Objects.requireNonNull(jsLogBase, "jsLogBase");
        if (!(proportionFloor > 0 && proportionFloor < 1)) {
            throw new IllegalArgumentException("proportion floor must be in (0, 1), got " + proportionFloor);
        }
    }

    public DivergenceOptions withProportionFloor(double floor) {
        return new DivergenceOptions(floor, jsLogBase);
    }

    public DivergenceOptions withJsLogBase(LogBase base) {
        return new DivergenceOptions(proportionFloor, base);
    }
}
