package io.driftwatch.detectors.drift.numeric;

import io.driftwatch.detectors.internal.SampleMoments;
import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;

/**
 * Normed Wasserstein distance as Evidently computes it: {@code wasserstein_distance(reference, current) /
 * np.std(reference)} (population standard deviation, ddof 0), so that the default threshold 0.1 means "a
 * tenth of a reference standard deviation". A distance: drift when {@code statistic >= threshold}; no p-value.
 *
 * <p>Edge cases: empty sample or non-finite value → {@link IllegalArgumentException}; <b>constant reference
 * (all values equal, std 0) → the raw distance, not normalised</b> (Evidently would divide by zero): 0 when the current values
 * equal the reference constant, otherwise the distance in data units, so a moved constant is still reported.
 */
public final class WassersteinNormedTest implements NumericDriftTest {

    @Override
    public DriftTestId id() {
        return DriftTestId.WASSERSTEIN;
    }

    @Override
    public DriftResult test(double[] reference, double[] current, double threshold) {
        NumericSamples.requireUsable(reference, current);
        double raw = CdfDistance.l1(reference, current);
        if (NumericSamples.allEqual(reference)) {
            return DriftResult.exact(id(), raw, Double.NaN, threshold);
        }
        return DriftResult.exact(id(), raw / SampleMoments.populationStd(reference), Double.NaN, threshold);
    }
}
