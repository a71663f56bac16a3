package io.driftwatch.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.app.report.ReportData.AlertEvent;
import io.driftwatch.app.report.ReportData.CalibrationSeries;
import io.driftwatch.app.report.ReportData.DriftSummary;
import io.driftwatch.app.report.ReportData.LabelData;
import io.driftwatch.app.report.ReportData.ReliabilityBin;
import io.driftwatch.app.report.ReportData.LatencySeries;
import io.driftwatch.app.report.ReportData.QualityRates;
import io.driftwatch.app.report.ReportData.ReferenceHistogram;
import io.driftwatch.app.report.ReportData.StatisticSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a report's data from the Driftwatch tables with FINAL (they are ReplacingMergeTree). Every value is a
 * bound parameter; only the validated database name is part of the SQL text.
 */
public final class ReportLoader {

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Alert events listed in a report, newest first; more belong in the Alerts dashboard. */
    private static final int MAX_ALERTS = 200;
    /** Significant digits of bin edges in histogram labels. */
    private static final int EDGE_DIGITS = 3;

    private final String db;
    private final ObjectMapper json = new ObjectMapper();

    /** @throws IllegalArgumentException unless the database is a plain identifier */
    public ReportLoader(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ", was '" + database + "'");
        }
        this.db = database;
    }

    public ReportData load(Connection connection, ReportRequest request) throws SQLException {
        Scope scope = new Scope(request);
        return new ReportData(request, predictions(connection, scope), drift(connection, scope),
                statistics(connection, scope), references(connection, request), latency(connection, scope),
                quality(connection, scope), new LabelData(reliability(connection, scope), calibration(connection, scope),
                alerts(connection, scope)));
    }

    /** The WHERE clause of one model, optional version, segment and window range, and its parameters. */
    private record Scope(ReportRequest request) {

        String where() {
            return " WHERE model_id = ?" + (request.version().isPresent() ? " AND model_version = ?" : "")
                    + " AND segment = ? AND window_start >= fromUnixTimestamp64Milli(?, 'UTC')"
                    + " AND window_start < fromUnixTimestamp64Milli(?, 'UTC')";
        }

        PreparedStatement bind(PreparedStatement statement) throws SQLException {
            int i = 1;
            statement.setString(i++, request.modelId());
            if (request.version().isPresent()) {
                statement.setString(i++, request.version().get());
            }
            statement.setString(i++, request.segment());
            statement.setLong(i++, request.from().toEpochMilli());
            statement.setLong(i, request.to().toEpochMilli());
            return statement;
        }
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(Connection connection, String sql, Scope scope, RowReader<T> reader) throws SQLException {
        try (PreparedStatement statement = scope.bind(connection.prepareStatement(sql));
             ResultSet rs = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(reader.read(rs));
            }
            return rows;
        }
    }

    private long predictions(Connection connection, Scope scope) throws SQLException {
        return query(connection, "SELECT sum(predictions) FROM " + db + ".volume FINAL" + scope.where(), scope,
                rs -> rs.getLong(1)).get(0);
    }

    private List<DriftSummary> drift(Connection connection, Scope scope) throws SQLException {
        String sql = "SELECT feature, test, max(window_start) AS latest, argMax(statistic, window_start),"
                + " argMax(p_value, window_start), argMax(threshold, window_start), argMax(drift, window_start),"
                + " countIf(drift), count() FROM " + db + ".feature_drift FINAL" + scope.where()
                + " AND subject = 'feature' GROUP BY feature, test ORDER BY countIf(drift) DESC, feature, test";
        return query(connection, sql, scope, rs -> new DriftSummary(rs.getString(1), rs.getString(2),
                rs.getTimestamp(3).toInstant(), rs.getDouble(4), nullableDouble(rs, 5), rs.getDouble(6),
                rs.getBoolean(7), rs.getLong(8), rs.getLong(9)));
    }

    private List<StatisticSeries> statistics(Connection connection, Scope scope) throws SQLException {
        String sql = "SELECT feature, test, window_start, max(statistic), max(threshold) FROM " + db
                + ".feature_drift FINAL" + scope.where() + " AND subject = 'feature' AND p_value IS NULL"
                + " GROUP BY feature, test, window_start ORDER BY feature, test, window_start";
        Map<List<String>, List<Object[]>> byFeatureTest = new LinkedHashMap<>();
        for (Object[] row : query(connection, sql, scope, rs -> new Object[]{rs.getString(1), rs.getString(2),
                rs.getTimestamp(3), rs.getDouble(4), rs.getDouble(5)})) {
            byFeatureTest.computeIfAbsent(List.of((String) row[0], (String) row[1]), k -> new ArrayList<>()).add(row);
        }
        List<StatisticSeries> series = new ArrayList<>();
        byFeatureTest.forEach((key, rows) -> series.add(new StatisticSeries(key.get(0), key.get(1),
                rows.stream().map(r -> ((Timestamp) r[2]).toInstant()).toList(),
                rows.stream().map(r -> (Double) r[3]).toList(), rows.stream().map(r -> (Double) r[4]).toList())));
        return series;
    }

    private List<ReferenceHistogram> references(Connection connection, ReportRequest request) throws SQLException {
        String sql = "SELECT feature, model_version, profile_json FROM " + db + ".baselines FINAL WHERE model_id = ?"
                + " AND segment = ''" // the version-wide reference, not a segment's own
                + (request.version().isPresent() ? " AND model_version = ?" : "")
                + " ORDER BY feature, created_at DESC, model_version DESC LIMIT 1 BY feature";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, request.modelId());
            if (request.version().isPresent()) {
                statement.setString(2, request.version().get());
            }
            List<ReferenceHistogram> histograms = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    histograms.add(histogram(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return histograms;
        }
    }

    /** Bins of a ProfileCodec JSON profile: numeric edges and bin counts, or category counts. */
    ReferenceHistogram histogram(String feature, String version, String profileJson) {
        JsonNode root;
        try {
            root = json.readTree(profileJson);
        } catch (IOException e) {
            throw new UncheckedIOException("baseline profile of " + feature + " is not JSON", e);
        }
        List<String> labels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        if (root.has("numeric")) {
            JsonNode edges = root.get("numeric").get("edges");
            JsonNode bins = root.get("numeric").get("binCounts");
            for (int i = 0; i < bins.size(); i++) {
                labels.add("[" + edge(edges.get(i)) + ", " + edge(edges.get(i + 1)) + ")");
                counts.add(bins.get(i).asLong());
            }
        } else {
            root.path("categorical").path("counts").properties().forEach(e -> {
                labels.add(e.getKey());
                counts.add(e.getValue().asLong());
            });
        }
        return new ReferenceHistogram(feature, version, labels, counts);
    }

    private static String edge(JsonNode edge) {
        double value = edge.isNumber() ? edge.asDouble() : Double.parseDouble(edge.asText());
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(EDGE_DIGITS)).stripTrailingZeros()
                .toPlainString();
    }

    private LatencySeries latency(Connection connection, Scope scope) throws SQLException {
        String sql = "SELECT window_start, max(p50_ms), max(p95_ms), max(p99_ms) FROM " + db + ".latency FINAL"
                + scope.where() + " GROUP BY window_start ORDER BY window_start";
        List<Object[]> rows = query(connection, sql, scope, rs -> new Object[]{rs.getTimestamp(1).toInstant(),
                rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)});
        return new LatencySeries(rows.stream().map(r -> (java.time.Instant) r[0]).toList(),
                rows.stream().map(r -> (Double) r[1]).toList(), rows.stream().map(r -> (Double) r[2]).toList(),
                rows.stream().map(r -> (Double) r[3]).toList());
    }

    private List<QualityRates> quality(Connection connection, Scope scope) throws SQLException {
        String sql = "SELECT feature, sum(seen) AS observations, sum(null_count) / observations,"
                + " sum(nan_count) / observations, sum(infinite_count) / observations,"
                + " sum(out_of_range_count) / observations, sum(unseen_category_count) / observations,"
                + " sum(type_mismatch_count) / observations FROM " + db + ".data_quality FINAL" + scope.where()
                + " GROUP BY feature HAVING observations > 0 ORDER BY feature";
        return query(connection, sql, scope, rs -> new QualityRates(rs.getString(1), rs.getLong(2), rs.getDouble(3),
                rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8)));
    }

    private List<ReliabilityBin> reliability(Connection connection, Scope scope) throws SQLException {
        String sql = "SELECT bin, min(lower), max(upper), sum(count), sum(count * mean_predicted) / sum(count),"
                + " sum(count * fraction_positive) / sum(count) FROM " + db + ".reliability FINAL" + scope.where()
                + " AND count > 0 GROUP BY bin ORDER BY bin";
        return query(connection, sql, scope, rs -> new ReliabilityBin(rs.getInt(1), rs.getDouble(2), rs.getDouble(3),
                rs.getLong(4), rs.getDouble(5), rs.getDouble(6)));
    }

    /** Windows without labels get NaN metrics in the SQL and null (a chart gap) here. */
    private CalibrationSeries calibration(Connection connection, Scope scope) throws SQLException {
        String labelled = "labelled > 0";
        String sql = "SELECT window_start, sum(labelled) / nullIf(sum(predictions), 0),"
                + " if(countIf(" + labelled + ") > 0, maxIf(ece, " + labelled + "), nan),"
                + " if(countIf(" + labelled + ") > 0, maxIf(brier, " + labelled + "), nan),"
                + " if(countIf(" + labelled + ") > 0, minIf(roc_auc, " + labelled + "), nan) FROM " + db
                + ".performance FINAL" + scope.where() + " GROUP BY window_start ORDER BY window_start";
        List<Object[]> rows = query(connection, sql, scope, rs -> new Object[]{rs.getTimestamp(1).toInstant(),
                gap(rs, 2), gap(rs, 3), gap(rs, 4), gap(rs, 5)});
        return new CalibrationSeries(rows.stream().map(r -> (java.time.Instant) r[0]).toList(), column(rows, 1),
                column(rows, 2), column(rows, 3), column(rows, 4));
    }

    private static List<Double> column(List<Object[]> rows, int index) {
        List<Double> values = new ArrayList<>(rows.size());
        rows.forEach(r -> values.add((Double) r[index]));
        return values;
    }

    /** A metric value, or null when SQL NULL or NaN (no labels): a gap in the chart. */
    private static Double gap(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() || Double.isNaN(value) ? null : value;
    }

    private List<AlertEvent> alerts(Connection connection, Scope scope) throws SQLException {
        String sql = "SELECT window_end, toString(kind), toString(severity), rule, model_version, feature, metric,"
                + " value_name, value, threshold, summary, runbook_url FROM " + db + ".alerts FINAL" + scope.where()
                + " ORDER BY window_end DESC, rule, model_version LIMIT " + MAX_ALERTS;
        return query(connection, sql, scope, rs -> new AlertEvent(rs.getTimestamp(1).toInstant(), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getDouble(9), rs.getDouble(10), rs.getString(11), rs.getString(12)));
    }

    private static double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

}
