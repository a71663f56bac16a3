package io.driftwatch.detectors.profile;

/** The reference distribution of one feature: numeric or categorical. */
public sealed interface DistributionProfile permits NumericProfile, CategoricalProfile {

    FeatureKind kind();

    /** Number of reference observations. */
    long count();
}
