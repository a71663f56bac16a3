package io.driftwatch.flink.rows;

/**
 * Prediction volume and score statistics of one window: a row of {@code volume}. Predicted classes are
 * parallel arrays (class name, count) so the row needs no generic collection type. Score statistics are NaN
 * when no binary score was seen. {@code lateEvents} is always 0 here: late events go to the late side output.
 */
public record VolumeRow(WindowId window, long predictions, long scored, double scoreSum, double scoreMean,
                        double scoreStd, double scoreMin, double scoreMax, String[] classNames, long[] classCounts,
                        long lateEvents, long featureOverflow, long emittedAt) {}
