package io.driftwatch.schemas.tables;

/**
 * The kind of a feature's distribution as stored in ClickHouse ({@code feature_kind}, {@code kind}); mirrors
 * {@code io.driftwatch.detectors.profile.FeatureKind}, which this module cannot see.
 */
public enum DistributionKind implements SqlEnum {
    NUMERIC,
    CATEGORICAL
}
