package io.driftwatch.detectors.drift.numeric;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;

/**
 * An exact two-sample drift test on raw numeric values. Implementations are stateless and thread-safe;
 * they never modify the arrays they are given.
 *
 * <p>Shared input contract (see {@link NumericSamples}): both samples must be non-null and non-empty and
 * contain only finite values, otherwise {@link IllegalArgumentException} naming the offending sample
 * ({@code reference} or {@code current}). NaNs are data quality, counted by the caller and dropped
 * before testing. Some tests need more observations and say so in their javadoc.
 */
public interface NumericDriftTest {

    /** Which test this is; its polarity and default threshold live on the id. */
    DriftTestId id();

    /**
     * Runs the test. P-value tests decide {@code pValue < threshold}, distances {@code statistic >= threshold}
     * (see {@link DriftTestId#polarity()}).
     */
    DriftResult test(double[] reference, double[] current, double threshold);

    /** Runs the test with the id's default threshold. */
    default DriftResult test(double[] reference, double[] current) {
        return test(reference, current, id().defaultThreshold());
    }
}
