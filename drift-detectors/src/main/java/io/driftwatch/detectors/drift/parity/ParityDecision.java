package io.driftwatch.detectors.drift.parity;

import io.driftwatch.detectors.drift.DriftTestId;
import java.util.Objects;

/**
 * The test Evidently would run on a column, with its threshold and what the test is computed on.
 *
 * @param test      the test (KS and WASSERSTEIN are run by {@code drift.numeric}; CHI_SQUARE and Z see
 *                  {@link EvidentlyChiSquare} and {@code drift.categorical}; JENSEN_SHANNON see
 *                  {@link EvidentlyJensenShannon})
 * @param threshold Evidently's default threshold for that test
 * @param binning   raw values or how values are binned
 */
public record ParityDecision(DriftTestId test, double threshold, ParityBinning binning) {
    public ParityDecision {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(binning, "binning");
    }
}
