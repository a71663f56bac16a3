package io.driftwatch.flink.window;

import io.driftwatch.detectors.sketch.NumericWindowState;
import io.driftwatch.flink.config.BinningStrategy;

/** Frames derived from a closed window's data for rolling baselines (rule in {@link WindowAccumulator#extendFrame}). */
final class RollingFrames {

    private RollingFrames() {}

    /** A framed empty state for {@code state}'s feature, or {@code null} when its data cannot frame it. */
    static FeatureState frameOf(FeatureState state, int bins, BinningStrategy strategy, int maxCategories) {
        if (state.categorical() != null) {
            return FeatureState.framedCategorical(state.categorical().counts().counts().keySet(), maxCategories);
        }
        NumericWindowState numeric = state.numeric();
        if (numeric == null || numeric.sketch().isEmpty()) {
            return null;
        }
        double min = numeric.sketch().min();
        double max = numeric.sketch().max();
        double[] cuts = new double[bins + 1];
        cuts[0] = min;
        cuts[bins] = max;
        for (int i = 1; i < bins; i++) {
            cuts[i] = strategy == BinningStrategy.QUANTILE
                    ? numeric.sketch().quantile((double) i / bins)
                    : min + (max - min) * i / bins;
        }
        double[] interior = interiorOf(cuts);
        return FeatureState.framedNumeric(interior, min, max);
    }

    /**
     * Interior edges from non-decreasing cut points {@code min, c1, ..., c(bins-1), max}: the inner cuts with
     * ties collapsed (as {@code Binning.Quantiles} places a profile's edges; the outer bins stay open).
     */
    static double[] interiorOf(double[] cuts) {
        double[] kept = new double[cuts.length - 2];
        int n = 0;
        for (int i = 1; i < cuts.length - 1; i++) {
            if (n == 0 || cuts[i] != kept[n - 1]) {
                kept[n++] = cuts[i];
            }
        }
        return java.util.Arrays.copyOf(kept, n);
    }
}
