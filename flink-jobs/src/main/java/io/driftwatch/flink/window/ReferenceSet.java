package io.driftwatch.flink.window;

import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.drift.BaselineUpdate;
import java.util.Map;

/**
 * A decoded stored baseline: its id, profiles and the template accumulator framed by them.
 */
record ReferenceSet(String baselineId, Map<String, ReferenceProfile> profiles, WindowAccumulator template) {

    static ReferenceSet of(BaselineUpdate update, int maxCategories) {
        Map<String, ReferenceProfile> profiles = update.decodedProfiles();
        return new ReferenceSet(update.baselineId, profiles,
                WindowAccumulator.framedBy(profiles, update.baselineId, maxCategories));
    }
}
