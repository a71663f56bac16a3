package io.driftwatch.flink.rows;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.profile.FeatureKind;

/**
 * One drift test on one feature (or the score) in one window: a row of {@code feature_drift}.
 * {@code pValue} is NaN for distance tests (NULL in ClickHouse); {@code emittedAt} is the replacing version.
 */
public record FeatureDriftRow(WindowId window, Subject subject, String feature, FeatureKind featureKind, String test,
                              BaselineKind baselineKind, String baselineId, double statistic, double pValue,
                              double threshold, boolean drift, double errorBound, long nReference, long nCurrent,
                              long emittedAt) {

    public static FeatureDriftRow of(WindowId window, Subject subject, String feature, FeatureKind kind,
                                     BaselineKind baselineKind, String baselineId, DriftResult result,
                                     long nReference, long nCurrent, long emittedAt) {
        return new FeatureDriftRow(window, subject, feature, kind, result.test().id(), baselineKind, baselineId,
                result.statistic(), result.pValue(), result.threshold(), result.drift(), result.errorBound(),
                nReference, nCurrent, emittedAt);
    }
}
