package io.driftwatch.app.backtest;

import io.driftwatch.alerting.eval.MetricObservation;
import io.driftwatch.detectors.profile.FeatureKind;
import io.driftwatch.flink.alerting.MetricConverters;
import io.driftwatch.flink.rows.BaselineKind;
import io.driftwatch.flink.rows.DataQualityRow;
import io.driftwatch.flink.rows.FeatureDriftRow;
import io.driftwatch.flink.rows.LatencyRow;
import io.driftwatch.flink.rows.Subject;
import io.driftwatch.flink.rows.WindowId;
import io.driftwatch.schemas.tables.ChangePointRow;
import io.driftwatch.schemas.tables.ModelTask;
import io.driftwatch.schemas.tables.PerformanceRow;
import io.driftwatch.schemas.tables.WindowKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads the stored metric rows (feature_drift for features, the score and the label, latency, data_quality,
 * performance (calibration and performance), change_points; read with FINAL, windows starting (change points:
 * detected) in {@code [from, to)}, times bound as parameters) and converts them with the job's own
 * {@link MetricConverters}, so a backtest sees the numbers the stream evaluation saw.
 *
 * <p>Revised rows (performance, label drift): FINAL reads the latest revision stored, i.e. the window as its labels
 * finally showed it. The stream judges the latest revision emitted by the rule's {@code evaluate_after}, so a
 * backtest over windows whose labels kept arriving after that can differ from what was paged (hindsight).
 */
public final class StoredMetrics {

    /** ClickHouse's plain identifier syntax: the database name is spliced into SQL, so it is checked. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final String WINDOW = "model_id, model_version, segment, toUnixTimestamp64Milli(window_start),"
            + " toUnixTimestamp64Milli(window_end)";
    private static final String RANGE = " WHERE window_start >= fromUnixTimestamp64Milli(?, 'UTC')"
            + " AND window_start < fromUnixTimestamp64Milli(?, 'UTC')";

    private final String database;

    /** @throws IllegalArgumentException if the database name is not a plain identifier */
    public StoredMetrics(String database) {
        if (!IDENTIFIER.matcher(Objects.requireNonNull(database, "database")).matches()) {
            throw new IllegalArgumentException("database '" + database + "' is not a plain identifier");
        }
        this.database = database;
    }

    /**
     * @throws IllegalArgumentException if {@code to} is not after {@code from}
     */
    public List<MetricObservation> load(Connection connection, Instant from, Instant to) throws SQLException {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("--to " + to + " is not after --from " + from);
        }
        List<MetricObservation> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT " + WINDOW + ", toString(subject), feature,"
                + " toString(feature_kind), test, toString(baseline_kind), baseline_id, statistic, ifNull(p_value, nan),"
                + " threshold, drift, error_bound, n_reference, n_current FROM " + database + ".feature_drift FINAL"
                + RANGE + " AND subject IN ('feature', 'score', 'label')")) {
            try (ResultSet rs = query(st, from, to)) {
                while (rs.next()) {
                    FeatureDriftRow row = new FeatureDriftRow(window(rs), Subject.valueOf(upper(rs.getString(6))),
                            rs.getString(7), FeatureKind.valueOf(upper(rs.getString(8))), rs.getString(9),
                            BaselineKind.valueOf(upper(rs.getString(10))), rs.getString(11), rs.getDouble(12),
                            rs.getDouble(13), rs.getDouble(14), rs.getBoolean(15), rs.getDouble(16), rs.getLong(17),
                            rs.getLong(18), 0);
                    MetricConverters.featureDrift(row).ifPresent(out::add);
                }
            }
        }
        try (PreparedStatement st = connection.prepareStatement("SELECT " + WINDOW + ", count, sum_ms, min_ms, max_ms,"
                + " p50_ms, p90_ms, p95_ms, p99_ms, p999_ms FROM " + database + ".latency FINAL" + RANGE)) {
            try (ResultSet rs = query(st, from, to)) {
                while (rs.next()) {
                    out.add(MetricConverters.latency(new LatencyRow(window(rs), rs.getLong(6), rs.getDouble(7),
                            rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), rs.getDouble(11), rs.getDouble(12),
                            rs.getDouble(13), rs.getDouble(14), "", 0)));
                }
            }
        }
        try (PreparedStatement st = connection.prepareStatement("SELECT " + WINDOW + ", feature, seen, null_count,"
                + " nan_count, positive_infinity_count, negative_infinity_count, out_of_range_count,"
                + " unseen_category_count, type_mismatch_count FROM " + database + ".data_quality FINAL" + RANGE)) {
            try (ResultSet rs = query(st, from, to)) {
                while (rs.next()) {
                    out.add(MetricConverters.dataQuality(new DataQualityRow(window(rs), rs.getString(6), rs.getLong(7),
                            rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
                            rs.getLong(13), rs.getLong(14), 0)));
                }
            }
        }
        out.addAll(performance(connection, from, to));
        out.addAll(changePoints(connection, from, to));
        return out;
    }

    private List<MetricObservation> performance(Connection connection, Instant from, Instant to) throws SQLException {
        List<MetricObservation> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT " + WINDOW + ", toString(task), predictions,"
                + " labelled, tp, fp, tn, fn, threshold, ece, mce, ace, brier, log_loss, roc_auc, average_precision,"
                + " precision, recall, f1, accuracy, macro_f1, mae, rmse, mape, r2, estimated, estimated_accuracy,"
                + " estimated_precision, estimated_recall, estimated_f1, revision, toUnixTimestamp64Milli(emitted_at)"
                + " FROM " + database + ".performance FINAL" + RANGE)) {
            try (ResultSet rs = query(st, from, to)) {
                while (rs.next()) {
                    WindowId w = window(rs);
                    PerformanceRow row = new PerformanceRow(
                            new WindowKey(w.modelId(), w.modelVersion(), w.segment(),
                                    Instant.ofEpochMilli(w.windowStart()), Instant.ofEpochMilli(w.windowEnd())),
                            ModelTask.valueOf(upper(rs.getString(6))),
                            new PerformanceRow.Counts(rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
                                    rs.getLong(11), rs.getLong(12)),
                            PerformanceRow.Delays.NONE, rs.getDouble(13),
                            new PerformanceRow.Metrics(rs.getDouble(14), rs.getDouble(15), rs.getDouble(16),
                                    rs.getDouble(17), rs.getDouble(18), rs.getDouble(19), rs.getDouble(20),
                                    rs.getDouble(21), rs.getDouble(22), rs.getDouble(23), rs.getDouble(24),
                                    rs.getDouble(25), rs.getDouble(26), rs.getDouble(27), rs.getDouble(28),
                                    rs.getDouble(29)),
                            new PerformanceRow.Estimate(rs.getBoolean(30), rs.getDouble(31), rs.getDouble(32),
                                    rs.getDouble(33), rs.getDouble(34)),
                            rs.getLong(35), Instant.ofEpochMilli(rs.getLong(36)));
                    out.add(MetricConverters.calibration(row));
                    out.add(MetricConverters.performance(row));
                }
            }
        }
        return out;
    }

    private List<MetricObservation> changePoints(Connection connection, Instant from, Instant to) throws SQLException {
        List<MetricObservation> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("SELECT model_id, model_version, segment, detector,"
                + " stream, toUnixTimestamp64Milli(detected_at), toUnixTimestamp64Milli(window_start), observations,"
                + " mean_before, mean_after, toUnixTimestamp64Milli(emitted_at) FROM " + database
                + ".change_points FINAL WHERE detected_at >= fromUnixTimestamp64Milli(?, 'UTC')"
                + " AND detected_at < fromUnixTimestamp64Milli(?, 'UTC')")) {
            try (ResultSet rs = query(st, from, to)) {
                while (rs.next()) {
                    out.add(MetricConverters.changePoint(new ChangePointRow(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)),
                            Instant.ofEpochMilli(rs.getLong(7)), rs.getLong(8), rs.getDouble(9), rs.getDouble(10),
                            Instant.ofEpochMilli(rs.getLong(11)))));
                }
            }
        }
        return out;
    }

    private static ResultSet query(PreparedStatement st, Instant from, Instant to) throws SQLException {
        st.setLong(1, from.toEpochMilli());
        st.setLong(2, to.toEpochMilli());
        return st.executeQuery();
    }

    private static WindowId window(ResultSet rs) throws SQLException {
        return new WindowId(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5));
    }

    private static String upper(String sqlEnum) {
        return sqlEnum.toUpperCase(Locale.ROOT);
    }
}
