package io.driftwatch.flink.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Bounds on state size per model; beyond them values are folded into an overflow bucket and counted.
 *
 * @param maxFeatures            features tracked per model (extra features are ignored and counted)
 * @param maxCategoriesPerFeature distinct categories tracked per categorical feature (others count as "other")
 * @param maxSegmentsPerModel    distinct segment combinations per model (others go to {@code __overflow__})
 * @param maxEventTimeAhead      events timed further ahead of their Kafka record time are dead letters; zero: off
 * @param maxEventTimeBehind     events timed further behind their Kafka record time are dead letters; zero: off
 */
public record LimitsConfig(int maxFeatures, int maxCategoriesPerFeature, int maxSegmentsPerModel,
                           Duration maxEventTimeAhead, Duration maxEventTimeBehind) implements Serializable {

    /** Upper bounds keep keyed state per model within what one task manager slot can hold. */
    private static final int MAX_FEATURES = 10_000;
    private static final int MAX_CATEGORIES = 100_000;
    private static final int MAX_SEGMENTS = 100_000;

    public static final ConfigOption<Integer> MAX_FEATURES_OPTION = ConfigOption.withDefault("limits.max_features",
            ValueTypes.integer(1, MAX_FEATURES), 500, "Features tracked per model; further features are counted and ignored.");
    public static final ConfigOption<Integer> MAX_CATEGORIES_PER_FEATURE = ConfigOption.withDefault(
            "limits.max_categories_per_feature", ValueTypes.integer(2, MAX_CATEGORIES), 1_000,
            "Distinct categories tracked per categorical feature (per source subtask); the rest are folded into "
                    + "`__other__` (metric `category_overflow`).");
    public static final ConfigOption<Integer> MAX_SEGMENTS_PER_MODEL = ConfigOption.withDefault(
            "limits.max_segments_per_model", ValueTypes.integer(1, MAX_SEGMENTS), 1_000,
            "Distinct segment combinations per model (per source subtask); events of further ones go to the segment "
                    + "`__overflow__` (metric `segment_overflow`).");
    public static final ConfigOption<Duration> MAX_EVENT_TIME_AHEAD = ConfigOption.withDefault(
            "limits.max_event_time_ahead", ValueTypes.duration(Duration.ZERO), Duration.ZERO,
            "Events whose timestamp is further ahead of their Kafka record time are dead letters (`invalid_timestamp`): "
                    + "one far-future event would move the watermark and make later events late; `0s` disables.");
    public static final ConfigOption<Duration> MAX_EVENT_TIME_BEHIND = ConfigOption.withDefault(
            "limits.max_event_time_behind", ValueTypes.duration(Duration.ZERO), Duration.ZERO,
            "Events whose timestamp is further behind their Kafka record time are dead letters (`invalid_timestamp`); "
                    + "`0s` disables (backfills replay old events with new record times).");

    static final List<ConfigOption<?>> OPTIONS = List.of(MAX_FEATURES_OPTION, MAX_CATEGORIES_PER_FEATURE,
            MAX_SEGMENTS_PER_MODEL, MAX_EVENT_TIME_AHEAD, MAX_EVENT_TIME_BEHIND);

    public LimitsConfig {
        Objects.requireNonNull(maxEventTimeAhead, "maxEventTimeAhead");
        Objects.requireNonNull(maxEventTimeBehind, "maxEventTimeBehind");
    }

    /** Every limit at its default. */
    public static LimitsConfig defaults() {
        return new LimitsConfig(MAX_FEATURES_OPTION.defaultValue(), MAX_CATEGORIES_PER_FEATURE.defaultValue(),
                MAX_SEGMENTS_PER_MODEL.defaultValue(), MAX_EVENT_TIME_AHEAD.defaultValue(),
                MAX_EVENT_TIME_BEHIND.defaultValue());
    }

    static LimitsConfig read(ConfigNode limits) {
        int errorsBefore = limits.errorCount();
        Integer features = limits.get(MAX_FEATURES_OPTION);
        Integer categories = limits.get(MAX_CATEGORIES_PER_FEATURE);
        Integer segments = limits.get(MAX_SEGMENTS_PER_MODEL);
        Duration ahead = limits.get(MAX_EVENT_TIME_AHEAD);
        Duration behind = limits.get(MAX_EVENT_TIME_BEHIND);
        return limits.errorCount() > errorsBefore ? null
                : new LimitsConfig(features, categories, segments, ahead, behind);
    }
}
