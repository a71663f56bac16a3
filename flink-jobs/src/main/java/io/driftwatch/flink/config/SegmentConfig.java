package io.driftwatch.flink.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which segment keys split each model's metrics. The entry {@code default} applies to models without their own;
 * a model entry inherits unset keys from it.
 *
 * @param defaults segmentation of models without an entry
 * @param models   model id to its segmentation
 */
public record SegmentConfig(ModelSegments defaults, Map<String, ModelSegments> models) implements Serializable {

    public static final String DEFAULT_ENTRY = "default";
    /** No key can have more distinct values than {@code limits.max_segments_per_model} allows in total. */
    private static final int MAX_CARDINALITY = 100_000;

    public static final ConfigOption<List<String>> KEYS = ConfigOption.withDefault("segments.<model>.keys",
            ValueTypes.textList(), List.of(), "Segment keys (from the event's `segment` object) to split metrics by; "
                    + "`<model>` is a model id or `" + DEFAULT_ENTRY + "`.");
    public static final ConfigOption<Integer> MAX_CARDINALITY_OPTION = ConfigOption.withDefault(
            "segments.<model>.max_cardinality", ValueTypes.integer(1, MAX_CARDINALITY), 100,
            "Distinct values tracked per segment key; further values are folded into `__other__`.");

    static final List<ConfigOption<?>> OPTIONS = List.of(KEYS, MAX_CARDINALITY_OPTION);

    /**
     * Segmentation of one model.
     *
     * @param keys           segment keys, in order
     * @param maxCardinality distinct values tracked per key
     */
    public record ModelSegments(List<String> keys, int maxCardinality) implements Serializable {
        public ModelSegments {
            keys = List.copyOf(keys);
        }
    }

    public SegmentConfig {
        Objects.requireNonNull(defaults, "defaults");
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    public ModelSegments forModel(String modelId) {
        return models.getOrDefault(modelId, defaults);
    }

    static SegmentConfig read(ConfigNode segments, LimitsConfig limits) {
        int errorsBefore = segments.errorCount();
        Map<String, ConfigNode> entries = segments.entries();
        ModelSegments builtIn = new ModelSegments(KEYS.defaultValue(), MAX_CARDINALITY_OPTION.defaultValue());
        ConfigNode defaultEntry = entries.get(DEFAULT_ENTRY);
        ModelSegments defaults = defaultEntry == null ? builtIn : entry(defaultEntry, builtIn, limits);
        Map<String, ModelSegments> models = new LinkedHashMap<>();
        entries.forEach((model, node) -> {
            if (!model.equals(DEFAULT_ENTRY)) {
                models.put(model, entry(node, defaults == null ? builtIn : defaults, limits));
            }
        });
        return segments.errorCount() > errorsBefore ? null : new SegmentConfig(defaults, models);
    }

    private static ModelSegments entry(ConfigNode node, ModelSegments inherited, LimitsConfig limits) {
        List<String> keys = node.getOr(KEYS, inherited.keys());
        Integer cardinality = node.getOr(MAX_CARDINALITY_OPTION, inherited.maxCardinality());
        if (cardinality != null && limits != null && cardinality > limits.maxSegmentsPerModel()) {
            node.error("max_cardinality " + cardinality + " exceeds limits.max_segments_per_model ("
                    + limits.maxSegmentsPerModel() + "), so it could never be reached");
        }
        return keys == null || cardinality == null ? null : new ModelSegments(keys, cardinality);
    }
}
