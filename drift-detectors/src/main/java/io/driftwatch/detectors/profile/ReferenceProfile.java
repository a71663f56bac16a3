package io.driftwatch.detectors.profile;

import java.util.Objects;

/**
 * The immutable reference of one feature, fixed once from training (or a baseline window) data. Encode it
 * with {@link ProfileCodec}.
 */
public record ReferenceProfile(String featureName, DistributionProfile distribution) {

    public ReferenceProfile {
        Objects.requireNonNull(featureName, "featureName");
        Objects.requireNonNull(distribution, "distribution");
        if (featureName.isBlank()) {
            throw new IllegalArgumentException("feature name is blank");
        }
    }

    public FeatureKind kind() {
        return distribution.kind();
    }

    /** The numeric profile; fails clearly when the feature is categorical. */
    public NumericProfile numeric() {
        if (distribution instanceof NumericProfile numeric) {
            return numeric;
        }
        throw new IllegalStateException("feature '" + featureName + "' is " + kind() + ", not NUMERIC");
    }

    /** The categorical profile; fails clearly when the feature is numeric. */
    public CategoricalProfile categorical() {
        if (distribution instanceof CategoricalProfile categorical) {
            return categorical;
        }
        throw new IllegalStateException("feature '" + featureName + "' is " + kind() + ", not CATEGORICAL");
    }
}
