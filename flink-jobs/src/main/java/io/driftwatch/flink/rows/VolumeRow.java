package io.driftwatch.flink.rows;

/**
 * Prediction volume and score statistics of one window: a row of {@code volume}. Predicted classes are
 * parallel arrays (class name, count) so the row needs no generic collection type. Score statistics are NaN
 * when no binary score was seen. {@code lateEvents} counts events that arrived after the window fired (not in
 * {@code predictions}); a row is re-emitted with a higher count, replacing the earlier one.
 */
public record VolumeRow(WindowId window, long predictions, long scored, double scoreSum, double scoreMean,
                        double scoreStd, double scoreMin, double scoreMax, String[] classNames, long[] classCounts,
                        long lateEvents, long featureOverflow, long emittedAt) {

    /** This row with another late count and emission time. */
    public VolumeRow withLateEvents(long late, long emitted) {
        return new VolumeRow(window, predictions, scored, scoreSum, scoreMean, scoreStd, scoreMin, scoreMax, classNames,
                classCounts, late, featureOverflow, emitted);
    }
}
