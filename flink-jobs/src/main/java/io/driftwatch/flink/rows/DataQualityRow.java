package io.driftwatch.flink.rows;

/**
 * Data-quality counters of one feature in one window: a row of {@code data_quality}. Out-of-range and
 * unseen-category counts are 0 for a feature without a reference frame (nothing to compare with).
 */
public record DataQualityRow(WindowId window, String feature, long seen, long nullCount, long nanCount,
                             long positiveInfinityCount, long negativeInfinityCount, long outOfRangeCount,
                             long unseenCategoryCount, long typeMismatchCount, long emittedAt) {}
