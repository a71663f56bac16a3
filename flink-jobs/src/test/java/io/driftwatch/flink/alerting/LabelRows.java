package io.driftwatch.flink.alerting;

import io.driftwatch.schemas.tables.ModelTask;
import io.driftwatch.schemas.tables.PerformanceRow;
import io.driftwatch.schemas.tables.WindowKey;
import java.time.Instant;

/** Performance rows for alerting tests: a binary model's window with a given ECE and coverage. */
final class LabelRows {

    static final long PREDICTIONS = 1000;

    private LabelRows() {
    }

    /** Every other calibration metric is derived from {@code ece} so a test can tell them apart. */
    static PerformanceRow performance(WindowKey window, double ece, long labelled, boolean estimated, long revision,
                                      Instant emittedAt) {
        PerformanceRow.Metrics metrics = new PerformanceRow.Metrics(ece, 2 * ece, 3 * ece, 0.2, 0.6, 0.8, 0.7, 0.65,
                0.55, 0.6, 0.9, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        return new PerformanceRow(window, ModelTask.BINARY, new PerformanceRow.Counts(PREDICTIONS, labelled, 10, 5, 80, 5),
                PerformanceRow.Delays.NONE, 0.5, metrics, new PerformanceRow.Estimate(estimated, 0.88, 0.6, 0.5, 0.55),
                revision, emittedAt);
    }
}
