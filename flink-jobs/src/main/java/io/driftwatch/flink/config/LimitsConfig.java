package io.driftwatch.flink.config;

import java.io.Serializable;
import java.util.List;

/**
 * Bounds on state size per model; beyond them values are folded into an overflow bucket and counted.
 *
 * @param maxFeatures            features tracked per model (extra features are ignored and counted)
 * @param maxCategoriesPerFeature distinct categories tracked per categorical feature (others count as "other")
 * @param maxSegmentsPerModel    distinct segment combinations per model (others count as "other")
 */
public record LimitsConfig(int maxFeatures, int maxCategoriesPerFeature, int maxSegmentsPerModel) implements Serializable {

    /** Upper bounds keep keyed state per model within what one task manager slot can hold. */
    private static final int MAX_FEATURES = 10_000;
    private static final int MAX_CATEGORIES = 100_000;
    private static final int MAX_SEGMENTS = 100_000;

    public static final ConfigOption<Integer> MAX_FEATURES_OPTION = ConfigOption.withDefault("limits.max_features",
            ValueTypes.integer(1, MAX_FEATURES), 500, "Features tracked per model; further features are counted and ignored.");
    public static final ConfigOption<Integer> MAX_CATEGORIES_PER_FEATURE = ConfigOption.withDefault(
            "limits.max_categories_per_feature", ValueTypes.integer(2, MAX_CATEGORIES), 1_000,
            "Distinct categories tracked per categorical feature; the rest are folded into `__other__`.");
    public static final ConfigOption<Integer> MAX_SEGMENTS_PER_MODEL = ConfigOption.withDefault(
            "limits.max_segments_per_model", ValueTypes.integer(1, MAX_SEGMENTS), 1_000,
            "Distinct segment combinations per model; the rest are folded into `__other__`.");

    static final List<ConfigOption<?>> OPTIONS = List.of(MAX_FEATURES_OPTION, MAX_CATEGORIES_PER_FEATURE,
            MAX_SEGMENTS_PER_MODEL);

    static LimitsConfig read(ConfigNode limits) {
        int errorsBefore = limits.errorCount();
        Integer features = limits.get(MAX_FEATURES_OPTION);
        Integer categories = limits.get(MAX_CATEGORIES_PER_FEATURE);
        Integer segments = limits.get(MAX_SEGMENTS_PER_MODEL);
        return limits.errorCount() > errorsBefore ? null : new LimitsConfig(features, categories, segments);
    }
}
