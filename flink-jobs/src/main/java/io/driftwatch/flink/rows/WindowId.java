package io.driftwatch.flink.rows;

/**
 * The identity every result row starts with: model, version, canonical segment and the window
 * {@code [windowStart, windowEnd)} in epoch milliseconds. A Flink POJO-compatible record.
 */
public record WindowId(String modelId, String modelVersion, String segment, long windowStart, long windowEnd) {}
