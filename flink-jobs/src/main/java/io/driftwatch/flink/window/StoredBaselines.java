package io.driftwatch.flink.window;

import io.driftwatch.flink.drift.BaselineUpdate;
import io.driftwatch.flink.source.SegmentKeys;
import io.driftwatch.flink.telemetry.BaselineAgeGauges;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;

/**
 * Which stored baseline a window uses: the segment's own when there is one, else the model version's. Each
 * scope's baseline comes from the broadcast state (updates) or, failing that, from what the loader returned at
 * {@code open()}; an update without profiles removes that scope's baseline (a segment then falls back to the
 * version's). Decoded baselines are cached by scope until their id changes. Per operator instance, not state.
 */
final class StoredBaselines {

    private final Map<String, BaselineUpdate> loaded = new HashMap<>();
    private final Map<String, ReferenceSet> decoded = new HashMap<>();
    private final int maxCategories;
    private final BaselineAgeGauges ages;

    StoredBaselines(Collection<BaselineUpdate> loadedAtOpen, int maxCategories, BaselineAgeGauges ages) {
        for (BaselineUpdate update : loadedAtOpen) {
            loaded.put(update.scopeKey(), update);
        }
        this.maxCategories = maxCategories;
        this.ages = Objects.requireNonNull(ages, "ages");
    }

    /** The baseline for a window of {@code segment}, or {@code null} when neither scope has one. */
    ReferenceSet lookup(ReadOnlyBroadcastState<String, BaselineUpdate> broadcast, String modelId, String modelVersion,
                        String segment) throws Exception {
        if (!segment.isEmpty()) {
            ReferenceSet own = resolve(broadcast, SegmentKeys.windowKey(modelId, modelVersion, segment));
            if (own != null) {
                return own;
            }
        }
        return resolve(broadcast, SegmentKeys.baselineKey(modelId, modelVersion));
    }

    private ReferenceSet resolve(ReadOnlyBroadcastState<String, BaselineUpdate> broadcast, String scope)
            throws Exception {
        BaselineUpdate update = broadcast.get(scope);
        if (update == null) {
            update = loaded.get(scope);
        }
        if (update == null) {
            return null;
        }
        ReferenceSet cached = decoded.get(scope);
        if (cached == null || !cached.baselineId().equals(update.baselineId)) {
            cached = ReferenceSet.of(update, maxCategories);
            decoded.put(scope, cached);
        }
        if (cached.profiles().isEmpty()) {
            return null;
        }
        ages.inUse(update.modelId, update.modelVersion, update.segmentOrAll(), update.createdAtMillis);
        return cached;
    }
}
