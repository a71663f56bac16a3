package io.driftwatch.app.demorun;

import io.driftwatch.app.demo.InjectedDrift;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** What the demo shows while it runs and when it ends, read back from ClickHouse (all queries with FINAL). */
final class DemoSummary {

    /** The drift test the verdict reads: a distance, so the verdict does not depend on window size. */
    static final String VERDICT_TEST = "psi";
    /** A series counts as drifted when at least this many of its windows after the drift start say so. */
    static final int DRIFTED_WINDOWS = 2;
    private static final int TOP = 5;

    private final Supplier<Connection> connections;
    private final String database;

    DemoSummary(Supplier<Connection> connections, String database) {
        this.connections = connections;
        this.database = database;
    }

    /** One drifting series, as the live summary lists it. */
    record Drifting(String model, String segment, String feature, double psi) {
        @Override
        public String toString() {
            return String.format("%s %s %s (psi %.3f)", model, segment.isEmpty() ? "all" : segment, feature, psi);
        }
    }

    /** Label metrics of one model over the demo so far (from performance FINAL). */
    record LabelMetrics(String model, long predictions, long labelled, double ece, double mae) {
        double coverage() {
            return predictions == 0 ? Double.NaN : (double) labelled / predictions;
        }

        @Override
        public String toString() {
            return String.format("%s: coverage %.2f (%,d of %,d labelled)%s", model, coverage(), labelled, predictions,
                    !Double.isNaN(ece) ? String.format(", ECE %.3f", ece)
                            : !Double.isNaN(mae) ? String.format(", MAE %.1f", mae) : "");
        }
    }

    /** Per model: predictions, labelled, and the label-weighted mean ECE (binary) or MAE (regression) of its windows. */
    List<LabelMetrics> labelMetrics() throws SQLException {
        String sql = "SELECT model_id, sum(predictions), sum(labelled), "
                + "sumIf(ece * labelled, isFinite(ece)) / nullIf(sumIf(labelled, isFinite(ece)), 0), "
                + "sumIf(mae * labelled, isFinite(mae)) / nullIf(sumIf(labelled, isFinite(mae)), 0) FROM " + database
                + ".performance FINAL GROUP BY model_id ORDER BY model_id";
        List<LabelMetrics> rows = new ArrayList<>();
        try (Connection c = connections.get(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                double ece = rs.getDouble(4);
                boolean noEce = rs.wasNull();
                double mae = rs.getDouble(5);
                boolean noMae = rs.wasNull();
                rows.add(new LabelMetrics(rs.getString(1), rs.getLong(2), rs.getLong(3), noEce ? Double.NaN : ece,
                        noMae ? Double.NaN : mae));
            }
        }
        return rows;
    }

    long windowsWritten() throws SQLException {
        return single("SELECT count() FROM " + database + ".volume FINAL");
    }

    long deadLetters() throws SQLException {
        return single("SELECT count() FROM " + database + ".dead_letters FINAL");
    }

    List<Drifting> topDrifting() throws SQLException {
        String sql = "SELECT model_id, segment, feature, max(statistic) AS psi FROM " + database + ".feature_drift FINAL "
                + "WHERE subject = 'feature' AND test = ? AND drift GROUP BY model_id, segment, feature "
                + "ORDER BY psi DESC LIMIT " + TOP;
        List<Drifting> rows = new ArrayList<>();
        try (Connection c = connections.get(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, VERDICT_TEST);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Drifting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4)));
                }
            }
        }
        return rows;
    }

    /** Series ("model segment feature") with at least {@link #DRIFTED_WINDOWS} drifted windows since {@code driftStart}. */
    TreeSet<String> driftedSeries(Instant driftStart) throws SQLException {
        return series("window_start >= ?", driftStart);
    }

    /** Series flagged in at least {@link #DRIFTED_WINDOWS} windows before {@code driftStart}: false alarms. */
    TreeSet<String> falseAlarms(Instant driftStart) throws SQLException {
        return series("window_end <= ?", driftStart);
    }

    private TreeSet<String> series(String windowCondition, Instant driftStart) throws SQLException {
        String sql = "SELECT model_id, segment, feature FROM " + database + ".feature_drift FINAL "
                + "WHERE subject = 'feature' AND test = ? AND " + windowCondition + " GROUP BY model_id, segment, feature "
                + "HAVING countIf(drift) >= ?";
        TreeSet<String> series = new TreeSet<>();
        try (Connection c = connections.get(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, VERDICT_TEST);
            st.setTimestamp(2, Timestamp.from(driftStart));
            st.setInt(3, DRIFTED_WINDOWS);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    series.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
        }
        return series;
    }

    /** The series the generator drifted, in the form {@link #driftedSeries} returns. */
    static TreeSet<String> expectedSeries(InjectedDrift drift) {
        String segment = drift.segment().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
        return drift.features().stream().map(f -> drift.model().modelId() + " " + segment + " " + f)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Median p50 latency of a model before and after the drift start, in ms. */
    double[] latencyP50BeforeAfter(String modelId, Instant driftStart) throws SQLException {
        String sql = "SELECT medianIf(p50_ms, window_start < ?), medianIf(p50_ms, window_start >= ?) FROM " + database
                + ".latency FINAL WHERE model_id = ? AND count > 0";
        try (Connection c = connections.get(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setTimestamp(1, Timestamp.from(driftStart));
            st.setTimestamp(2, Timestamp.from(driftStart));
            st.setString(3, modelId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new double[] {rs.getDouble(1), rs.getDouble(2)};
            }
        }
    }

    private long single(String sql) throws SQLException {
        try (Connection c = connections.get(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
