package io.driftwatch.flink.source;

import io.driftwatch.schemas.events.PredictionFields;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an event's model, version and raw segment entries resolve to (canonical segment, kept entries, window key,
 * fold), remembered per distinct combination so the usual event costs one hash lookup instead of sorting,
 * admitting and joining its segment again. Sound because a {@link CardinalityGuard}'s outcome for a combination
 * never changes once computed. At most {@value #MAX_ENTRIES} combinations are remembered; past that, events are
 * resolved without the memo (same results, slower), so hostile input cannot grow it. Not thread-safe.
 */
final class SegmentMemo {

    /** Distinct (model, version, segment entries) per source subtask worth remembering. */
    static final int MAX_ENTRIES = 10_000;

    /** A resolved combination, with its model's category limits so an event needs no second lookup. */
    record Resolved(String segment, String[] entries, String windowKey, boolean folded,
                    CardinalityGuard.ModelCategories categories) {}

    private final Map<Combination, Resolved> memo = new HashMap<>();
    private final Combination probe = new Combination(new String[16], 0);

    /**
     * The memoized resolution of {@code event}'s combination, or {@code null}; segment entries outside
     * {@code keys} (the model's configured segment keys; empty: all) are not part of the combination, since they
     * change nothing, so a high-cardinality key nobody segments by does not fill the memo.
     */
    Resolved get(PredictionFields event, List<String> keys) {
        probe.fill(event, keys);
        return memo.get(probe);
    }

    /** Remembers {@code resolved} for the combination last passed to {@link #get} while there is room. */
    void putLast(Resolved resolved) {
        if (memo.size() < MAX_ENTRIES) {
            memo.put(probe.frozen(), resolved);
        }
    }

    int size() {
        return memo.size();
    }

    /** Model, version, then keys and values alternating in payload order; mutable only as the probe. */
    private static final class Combination {
        private static final int HASH_MULTIPLIER = 31;
        private String[] parts;
        private int length;
        private int hash;

        Combination(String[] parts, int length) {
            this.parts = parts;
            this.length = length;
            rehash();
        }

        void fill(PredictionFields event, List<String> keys) {
            int needed = 2 + 2 * event.segmentCount();
            if (parts.length < needed) {
                parts = new String[needed * 2];
            }
            parts[0] = event.modelId();
            parts[1] = event.modelVersion();
            length = 2;
            for (int i = 0; i < event.segmentCount(); i++) {
                String key = event.segmentKey(i);
                if (keys.isEmpty() || keys.contains(key)) {
                    parts[length++] = key;
                    parts[length++] = event.segmentValue(i);
                }
            }
            rehash();
        }

        Combination frozen() {
            return new Combination(Arrays.copyOf(parts, length), length);
        }

        private void rehash() {
            int h = length;
            for (int i = 0; i < length; i++) {
                h = HASH_MULTIPLIER * h + parts[i].hashCode();
            }
            hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Combination other) || other.length != length || other.hash != hash) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (parts[i] != other.parts[i] && !parts[i].equals(other.parts[i])) {
                    return false;
                }
            }
            return true;
        }
    }
}
