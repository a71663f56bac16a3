package io.driftwatch.flink.labels;

import io.driftwatch.detectors.performance.BinaryClassificationMetrics;
import io.driftwatch.detectors.performance.ConfusionMatrix;
import io.driftwatch.detectors.performance.EstimatedBinaryPerformance;
import io.driftwatch.detectors.performance.MulticlassMetrics;
import io.driftwatch.detectors.performance.RegressionMetrics;
import io.driftwatch.detectors.performance.ReliabilityBin;
import io.driftwatch.flink.config.LabelSpec;
import io.driftwatch.schemas.tables.ModelTask;
import io.driftwatch.schemas.tables.PerformanceRow;
import io.driftwatch.schemas.tables.ReliabilityRow;
import io.driftwatch.schemas.tables.WindowKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns a window's folded state into its {@code performance} row and (binary) {@code reliability} rows. */
public final class PerformanceRows {

    private static final double NAN = Double.NaN;
    private static final PerformanceRow.Metrics NO_METRICS = new PerformanceRow.Metrics(NAN, NAN, NAN, NAN, NAN, NAN,
            NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN);

    private PerformanceRows() {}

    static PerformanceRow performance(WindowKey window, LabelSpec spec, WindowLabelState state,
                                      PerformanceRow.Delays delays, Instant emittedAt) {
        ModelTask task = spec.task();
        ConfusionMatrix confusion = task == ModelTask.BINARY ? state.binary.confusionMatrix()
                : new ConfusionMatrix(0, 0, 0, 0);
        PerformanceRow.Counts counts = new PerformanceRow.Counts(state.predictions, state.labelled, confusion.tp(),
                confusion.fp(), confusion.tn(), confusion.fn());
        boolean estimated = state.predictions > 0 && counts.coverage() < spec.minCoverage();
        PerformanceRow.Estimate estimate = new PerformanceRow.Estimate(estimated, NAN, NAN, NAN, NAN);
        if (task == ModelTask.BINARY) {
            EstimatedBinaryPerformance e = state.expected.estimate();
            estimate = new PerformanceRow.Estimate(estimated, e.accuracy(), e.precision(), e.recall(), e.f1());
        }
        return new PerformanceRow(window, task, counts, delays, task == ModelTask.BINARY ? spec.threshold() : NAN,
                metrics(task, state), estimate, state.revision, emittedAt);
    }

    /** The realized metrics of the task; all NaN without labels. */
    static PerformanceRow.Metrics metrics(ModelTask task, WindowLabelState state) {
        if (state.labelled == 0) {
            return NO_METRICS;
        }
        return switch (task) {
            case BINARY -> {
                BinaryClassificationMetrics m = state.binary.metrics();
                yield new PerformanceRow.Metrics(m.ece(), m.mce(), m.ace(), m.brier(), m.logLoss(), m.rocAuc(),
                        m.averagePrecision(), m.precision(), m.recall(), m.f1(), m.accuracy(), NAN, NAN, NAN, NAN, NAN);
            }
            case MULTICLASS -> {
                MulticlassMetrics m = state.multiclass.metrics();
                yield new PerformanceRow.Metrics(NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, m.top1Accuracy(),
                        m.macroF1(), NAN, NAN, NAN, NAN);
            }
            case REGRESSION -> {
                RegressionMetrics m = state.regression.metrics();
                yield new PerformanceRow.Metrics(NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, m.mae(),
                        m.rmse(), m.mape(), m.r2());
            }
        };
    }

    /** The reliability bins of a binary model's window (every bin, empty ones included); none for other tasks. */
    static List<ReliabilityRow> reliability(WindowKey window, ModelTask task, WindowLabelState state,
                                            Instant emittedAt) {
        if (task != ModelTask.BINARY) {
            return List.of();
        }
        List<ReliabilityBin> bins = state.binary.metrics().reliability();
        List<ReliabilityRow> rows = new ArrayList<>(bins.size());
        for (int i = 0; i < bins.size(); i++) {
            ReliabilityBin b = bins.get(i);
            rows.add(new ReliabilityRow(window, i, b.lower(), b.upper(), b.count(), b.meanPredicted(),
                    b.fractionPositive(), emittedAt));
        }
        return rows;
    }
}
