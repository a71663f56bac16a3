package io.driftwatch.flink.source;

import io.driftwatch.flink.config.LimitsConfig;
import io.driftwatch.flink.config.SegmentConfig;
import java.util.Arrays;
import java.util.HashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Caps the distinct values one source subtask lets through per model, so hostile or runaway input cannot
 * grow keyed state without bound:
 * <ul>
 *   <li>segment values per key ({@code segments.<model>.max_cardinality}): further values become
 *       {@value #OTHER_VALUE};</li>
 *   <li>segment combinations per model ({@code limits.max_segments_per_model}): events of further
 *       combinations go to the segment {@value #OVERFLOW_SEGMENT};</li>
 *   <li>categories per categorical feature ({@code limits.max_categories_per_feature}, for the first
 *       {@code limits.max_features} features seen, the ones windows track): further categories become
 *       {@value #OTHER_VALUE}, the category the drift tests already use for a window's overflow.</li>
 * </ul>
 * Admission is first come, per source subtask since it started: the bound per model is the limit times the
 * source parallelism, and after a restart the admitted values are rebuilt from the replayed input. Every fold
 * is counted ({@link #segmentsFolded()}, {@link #categoriesFolded()}; metrics {@code segment_overflow},
 * {@code category_overflow}). Not thread-safe: one per deserializer.
 */
public final class CardinalityGuard {

    /** The segment of events past {@code limits.max_segments_per_model}. */
    public static final String OVERFLOW_SEGMENT = "__overflow__";
    /** Segment value past a key's cardinality, and category past a feature's (as {@code DriftEvaluator.OTHER}). */
    public static final String OTHER_VALUE = "__other__";

    /** Feature positions whose admitted category set is remembered per model (more are looked up by name). */
    static final int MAX_CACHED_POSITIONS = 256;
    /** Slots of admitted categories remembered by identity per feature position (a power of two). */
    static final int RECENT_CATEGORIES = 32;
    /** Folds a hash's high bits into the slot: texts differing in one character spread either way. */
    private static final int RECENT_SPREAD_SHIFT = 16;

    private final SegmentConfig segments;
    private final LimitsConfig limits;
    private final Map<String, Set<String>> segmentsPerModel = new HashMap<>();
    private final Map<String, Map<String, Set<String>>> valuesPerSegmentKey = new HashMap<>();
    private final Map<String, ModelCategories> categoriesPerModel = new HashMap<>();
    private final Counter segmentsFolded;
    private final Counter categoriesFolded;

    /** Counts folds in {@code segmentsFolded} and {@code categoriesFolded} (the pipeline's metrics). */
    public CardinalityGuard(SegmentConfig segments, LimitsConfig limits, Counter segmentsFolded,
                            Counter categoriesFolded) {
        this.segments = Objects.requireNonNull(segments, "segments");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.segmentsFolded = Objects.requireNonNull(segmentsFolded, "segmentsFolded");
        this.categoriesFolded = Objects.requireNonNull(categoriesFolded, "categoriesFolded");
    }

    /** A guard counting in plain counters (tests, and a mapper used outside a Flink task). */
    public CardinalityGuard(SegmentConfig segments, LimitsConfig limits) {
        this(segments, limits, new SimpleCounter(), new SimpleCounter());
    }

    /** The canonical segment of an event of {@code modelId}, with over-limit values and combinations folded. */
    public String segment(String modelId, Map<String, String> segment) {
        SegmentOutcome outcome = admitSegment(modelId, segment);
        if (outcome.folded()) {
            countSegmentFold();
        }
        return outcome.canonical();
    }

    /**
     * {@link #segment} without counting a fold. For a given model and segment map the outcome never changes once
     * computed (admitted sets only grow, and a full set stays full), so callers may memoize it, counting
     * {@link #countSegmentFold()} for each event whose memoized outcome was folded.
     */
    public SegmentOutcome admitSegment(String modelId, Map<String, String> segment) {
        SegmentConfig.ModelSegments config = segments.forModel(modelId);
        List<String> keys = config.keys();
        Map<String, Set<String>> values = valuesPerSegmentKey.computeIfAbsent(modelId, m -> new HashMap<>());
        Map<String, String> capped = new TreeMap<>();
        boolean folded = false;
        for (Map.Entry<String, String> e : segment.entrySet()) {
            if (!keys.isEmpty() && !keys.contains(e.getKey())) {
                continue;
            }
            Set<String> admitted = values.computeIfAbsent(e.getKey(), k -> new HashSet<>());
            if (admit(admitted, e.getValue(), config.maxCardinality())) {
                capped.put(e.getKey(), e.getValue());
            } else {
                capped.put(e.getKey(), OTHER_VALUE);
                folded = true;
            }
        }
        String canonical = SegmentKeys.canonical(capped, keys);
        Set<String> admitted = segmentsPerModel.computeIfAbsent(modelId, m -> new HashSet<>());
        if (!admit(admitted, canonical, limits.maxSegmentsPerModel())) {
            canonical = OVERFLOW_SEGMENT;
            folded = true;
        }
        return new SegmentOutcome(canonical, folded);
    }

    /** Counts one event whose segment was folded. */
    public void countSegmentFold() {
        segmentsFolded.inc();
    }

    /** A canonical segment, and whether a value or the combination was folded to get it. */
    public record SegmentOutcome(String canonical, boolean folded) {}

    /** {@code category} of a categorical feature, or {@value #OTHER_VALUE} past the feature's limit. */
    public String category(String modelId, String feature, String category) {
        return categories(modelId).category(feature, category);
    }

    /** The category limits of one model's features: look them up once per event, not once per feature. */
    public ModelCategories categories(String modelId) {
        return categoriesPerModel.computeIfAbsent(modelId, m -> new ModelCategories());
    }

    /** Admitted categories per categorical feature of one model. */
    public final class ModelCategories {
        private final Map<String, Set<String>> features = new HashMap<>();
        /** What each position of an event's features held last time ({@link FeaturePosition}). */
        private FeaturePosition[] positions = new FeaturePosition[0];

        private ModelCategories() {}

        /** {@code category} of {@code feature}, or {@value #OTHER_VALUE} past the feature's limit. */
        public String category(String feature, String category) {
            return checked(admitted(feature), category);
        }

        /**
         * {@link #category(String, String)} for the feature at {@code position} of an event's features: producers
         * write features in the same order, so the same name instance at a position (a parser's shared name)
         * finds its admitted set without a map lookup.
         */
        public String category(int position, String feature, String category) {
            FeaturePosition at = position < positions.length ? positions[position] : null;
            if (at != null && at.name == feature) {
                if (at.recentlyAdmitted(category)) {
                    return category; // admitted before, so admitted for good: sets only grow
                }
                String checked = checked(at.admitted, category);
                if (checked == category) {
                    at.remember(category);
                }
                return checked;
            }
            Set<String> admitted = admitted(feature);
            if (admitted != null && position < MAX_CACHED_POSITIONS) {
                if (position >= positions.length) {
                    positions = Arrays.copyOf(positions,
                            Math.min(MAX_CACHED_POSITIONS, Math.max(position + 1, positions.length * 2)));
                }
                positions[position] = new FeaturePosition(feature, admitted);
            }
            return checked(admitted, category);
        }

        /** The admitted set of {@code feature}, or null past {@code limits.max_features}. */
        private Set<String> admitted(String feature) {
            Set<String> admitted = features.get(feature);
            if (admitted == null && features.size() < limits.maxFeatures()) {
                admitted = new HashSet<>();
                features.put(feature, admitted);
            }
            return admitted;
        }

        private String checked(Set<String> admitted, String category) {
            if (admitted == null) {
                return category; // windows ignore (and count) features past max_features
            }
            if (admit(admitted, category, limits.maxCategoriesPerFeature())) {
                return category;
            }
            categoriesFolded.inc();
            return OTHER_VALUE;
        }
    }

    /**
     * A feature position's last name, its admitted set, and the category instances recently admitted there,
     * compared by identity: the parser hands out one instance per repeating text, so the usual category skips the
     * set's hash lookup. Recent categories are direct-mapped by their cached hash into {@value #RECENT_CATEGORIES}
     * slots: one load and one compare per lookup; a collision only costs the set lookup.
     */
    private static final class FeaturePosition {
        private final String name;
        private final Set<String> admitted;
        private final String[] recent = new String[RECENT_CATEGORIES];

        FeaturePosition(String name, Set<String> admitted) {
            this.name = name;
            this.admitted = admitted;
        }

        boolean recentlyAdmitted(String category) {
            return recent[slot(category)] == category;
        }

        void remember(String category) {
            recent[slot(category)] = category;
        }

        private static int slot(String category) {
            int hash = category.hashCode();
            return (hash ^ (hash >>> RECENT_SPREAD_SHIFT)) & (RECENT_CATEGORIES - 1);
        }
    }

    private static boolean admit(Set<String> admitted, String value, int limit) {
        return admitted.contains(value) || (admitted.size() < limit && admitted.add(value));
    }

    /** Events whose segment was folded (a value into {@value #OTHER_VALUE} or into {@value #OVERFLOW_SEGMENT}). */
    public long segmentsFolded() {
        return segmentsFolded.getCount();
    }

    /** Categorical values folded into {@value #OTHER_VALUE}. */
    public long categoriesFolded() {
        return categoriesFolded.getCount();
    }
}
