package io.driftwatch.detectors.drift.numeric;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;

/**
 * Energy distance as {@code scipy.stats.energy_distance(reference, current)}:
 * {@code sqrt(2) * sqrt(∫ (F_ref - F_cur)^2 dx)} (Székely's distance in its CDF form), O(n log n). A distance:
 * drift when {@code statistic >= threshold}; no p-value (NaN).
 *
 * <p>Edge cases: empty sample or non-finite value → {@link IllegalArgumentException}; identical samples or
 * all values equal on both sides → 0; all equal but different constants a, b → {@code sqrt(2 |a - b|)}.
 */
public final class EnergyDistanceTest implements NumericDriftTest {

    private static final double SQRT2 = Math.sqrt(2);

    @Override
    public DriftTestId id() {
        return DriftTestId.ENERGY;
    }

    @Override
    public DriftResult test(double[] reference, double[] current, double threshold) {
        NumericSamples.requireUsable(reference, current);
        return DriftResult.exact(id(), SQRT2 * CdfDistance.l2(reference, current), Double.NaN, threshold);
    }
}
