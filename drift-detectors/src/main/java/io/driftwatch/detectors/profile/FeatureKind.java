package io.driftwatch.detectors.profile;

/** Whether a feature is profiled as numbers (bins, moments, quantile sketch) or as category counts. */
public enum FeatureKind {
    NUMERIC,
    CATEGORICAL
}
