package io.driftwatch.detectors.drift.parity;

/** Evidently's column types that matter for test selection ({@code "num"} and {@code "cat"}). */
public enum EvidentlyFeatureType {
    NUMERIC,
    CATEGORICAL
}
