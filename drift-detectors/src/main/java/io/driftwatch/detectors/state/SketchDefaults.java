package io.driftwatch.detectors.state;

/** Sketch parameters shared by reference profiles and window state, named once. */
public final class SketchDefaults {
    /**
     * KLL accuracy parameter. 200 is datasketches' default: about 1.65% normalized rank error (single
     * quantile, 99% confidence) at a few KB per sketch.
     */
    public static final int KLL_K = 200;

    /** DDSketch relative accuracy for latency quantiles: 1% relative error on every quantile. */
    public static final double DDSKETCH_RELATIVE_ACCURACY = 0.01;

    private SketchDefaults() {}
}
