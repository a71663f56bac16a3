package io.driftwatch.detectors.drift.numeric;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;

/**
 * 1-Wasserstein (earth mover's) distance in the data's units, as
 * {@code scipy.stats.wasserstein_distance(reference, current)}: {@code ∫ |F_ref - F_cur| dx}, O(n log n). A
 * distance: drift when {@code statistic >= threshold}; no p-value (NaN).
 *
 * <p>Edge cases: empty sample or non-finite value → {@link IllegalArgumentException}; identical samples → 0; all
 * values equal on both sides, constants a and b → {@code |a - b|}.
 */
public final class WassersteinRawTest implements NumericDriftTest {

    @Override
    public DriftTestId id() {
        return DriftTestId.WASSERSTEIN_RAW;
    }

    @Override
    public DriftResult test(double[] reference, double[] current, double threshold) {
        NumericSamples.requireUsable(reference, current);
        return DriftResult.exact(id(), CdfDistance.l1(reference, current), Double.NaN, threshold);
    }
}
