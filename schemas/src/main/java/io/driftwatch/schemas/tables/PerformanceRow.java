package io.driftwatch.schemas.tables;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A row of {@code performance}: realized (from labels) and estimated (CBPE) performance of one prediction-time
 * window, with label coverage and delay. Metrics that do not apply to the task, or lack labels, are NaN. The
 * window's whole row is re-emitted with {@code revision + 1} and a later {@code emittedAt} as labels arrive.
 *
 * @param counts     predictions, labelled, confusion counts
 * @param delays     label delay quantiles in seconds (NaN without labels)
 * @param metrics    realized metrics
 * @param estimate   the CBPE columns and the {@code estimated} flag
 */
public record PerformanceRow(WindowKey window, ModelTask task, Counts counts, Delays delays, double threshold,
                             Metrics metrics, Estimate estimate, long revision, Instant emittedAt) {

    public static final TableSpec TABLE = new TableSpec("performance", Rows.concat(WindowKey.COLUMNS, List.of(
            "task", "predictions", "labelled", "coverage", "label_delay_p50_s", "label_delay_p90_s",
            "label_delay_p99_s", "label_delay_max_s", "threshold", "ece", "mce", "ace", "brier", "log_loss", "roc_auc",
            "average_precision", "precision", "recall", "f1", "accuracy", "tp", "fp", "tn", "fn", "macro_f1", "mae",
            "rmse", "mape", "r2", "estimated", "estimated_accuracy", "estimated_precision", "estimated_recall",
            "estimated_f1", "revision", "emitted_at")));

    /** Predictions of the window, how many have a label, and the confusion counts at the threshold (binary). */
    public record Counts(long predictions, long labelled, long tp, long fp, long tn, long fn) {
        public Counts {
            Rows.requireNonNegative("predictions", predictions);
            Rows.requireNonNegative("labelled", labelled);
            Rows.requireNonNegative("tp", tp);
            Rows.requireNonNegative("fp", fp);
            Rows.requireNonNegative("tn", tn);
            Rows.requireNonNegative("fn", fn);
            if (labelled > predictions) {
                throw new IllegalArgumentException("labelled " + labelled + " exceeds predictions " + predictions);
            }
        }

        /** labelled / predictions; NaN when there are no predictions. */
        public double coverage() {
            return predictions == 0 ? Double.NaN : (double) labelled / predictions;
        }
    }

    /** Label delay (label event time minus prediction event time) quantiles and maximum, in seconds. */
    public record Delays(double p50, double p90, double p99, double max) {
        public static final Delays NONE = new Delays(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Realized metrics; NaN where they do not apply. */
    public record Metrics(double ece, double mce, double ace, double brier, double logLoss, double rocAuc,
                          double averagePrecision, double precision, double recall, double f1, double accuracy,
                          double macroF1, double mae, double rmse, double mape, double r2) {}

    /** CBPE estimates (binary; NaN otherwise) and whether coverage is below the model's min_coverage. */
    public record Estimate(boolean estimated, double accuracy, double precision, double recall, double f1) {}

    public PerformanceRow {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(delays, "delays");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(emittedAt, "emittedAt");
        Rows.requireNonNegative("revision", revision);
    }

    /** Binds this row in {@link #TABLE}'s column order. */
    public void bind(PreparedStatement statement) throws SQLException {
        Metrics m = metrics;
        new Bindings(statement).window(window).sqlEnum(task).integer(counts.predictions()).integer(counts.labelled())
                .real(counts.coverage()).real(delays.p50()).real(delays.p90()).real(delays.p99()).real(delays.max())
                .real(threshold).real(m.ece()).real(m.mce()).real(m.ace()).real(m.brier()).real(m.logLoss())
                .real(m.rocAuc()).real(m.averagePrecision()).real(m.precision()).real(m.recall()).real(m.f1())
                .real(m.accuracy()).integer(counts.tp()).integer(counts.fp()).integer(counts.tn())
                .integer(counts.fn()).real(m.macroF1()).real(m.mae()).real(m.rmse()).real(m.mape()).real(m.r2())
                .bool(estimate.estimated()).real(estimate.accuracy()).real(estimate.precision())
                .real(estimate.recall()).real(estimate.f1()).integer(revision).time(emittedAt);
    }
}
