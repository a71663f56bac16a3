package io.driftwatch.flink.baseline;

import io.driftwatch.detectors.profile.ReferenceProfile;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The stored baseline of one scope: a model version as a whole ({@code segment} empty) or one of its segments.
 *
 * @param model     model and version
 * @param segment   canonical segment ({@code k=v,...} sorted by key, as the job keys windows); {@code ""} for
 *                  the whole model version
 * @param createdAt the latest save among the profiles (the baseline's age is measured from it)
 * @param profiles  feature name to profile, sorted by name
 */
public record StoredBaseline(ModelVersion model, String segment, Instant createdAt,
                             Map<String, ReferenceProfile> profiles) {

    public StoredBaseline {
        Objects.requireNonNull(model, "model");
        BaselineStore.requireSegment(segment);
        Objects.requireNonNull(createdAt, "createdAt");
        profiles = Collections.unmodifiableMap(new TreeMap<>(profiles));
    }

    /** Whether this is the model-version-wide baseline rather than a segment's. */
    public boolean versionWide() {
        return segment.isEmpty();
    }
}
