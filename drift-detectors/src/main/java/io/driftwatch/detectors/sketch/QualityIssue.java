package io.driftwatch.detectors.sketch;

/** Data-quality problems counted per feature and window by {@link QualityCounters}. */
public enum QualityIssue {
    /** The value was missing. */
    NULL,
    /** A numeric value was NaN. */
    NAN,
    POSITIVE_INFINITY,
    NEGATIVE_INFINITY,
    /** A finite numeric value outside the reference [min, max]; it is still counted in the distribution. */
    OUT_OF_REFERENCE_RANGE,
    /** A category absent from the reference; it is still counted in the distribution. */
    UNSEEN_CATEGORY,
    /** The value had the wrong type for the feature (e.g. a string for a numeric feature). */
    TYPE_MISMATCH
}
