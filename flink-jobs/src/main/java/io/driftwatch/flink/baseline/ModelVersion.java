package io.driftwatch.flink.baseline;

import java.util.Objects;

/** A model and one of its versions: the scope of a set of baselines. */
public record ModelVersion(String modelId, String modelVersion) {

    /** @throws IllegalArgumentException when either part is null or blank */
    public ModelVersion {
        requireText(modelId, "model id");
        requireText(modelVersion, "model version");
    }

    private static void requireText(String value, String what) {
        if (Objects.requireNonNullElse(value, "").isBlank()) {
            throw new IllegalArgumentException(what + " is missing or blank");
        }
    }

    @Override
    public String toString() {
        return modelId + "@" + modelVersion;
    }
}
