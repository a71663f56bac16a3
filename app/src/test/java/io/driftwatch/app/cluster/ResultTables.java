package io.driftwatch.app.cluster;

import io.driftwatch.schemas.migrate.Migrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every result table of a database as read with {@code FINAL}, for row-by-row comparison between runs.
 *
 * <p>Generic over tables: it takes every MergeTree-family table the migrations created except their history
 * (so tables added later, e.g. performance or alerts, join automatically), reads {@code ReplacingMergeTree}s
 * with {@code FINAL} and leaves out their version column (emitted_at, ingested_at), which records when a run
 * wrote a row, not what it computed. Each row is the
 * {@code toString} of its columns in table order (floats in ClickHouse's shortest exact form), sorted.
 */
final class ResultTables {

    /** {@code ReplacingMergeTree(version)}: the version column is the engine's first argument. */
    private static final Pattern REPLACING = Pattern.compile("ReplacingMergeTree\\((\\w+)");
    /** Separates cells in a rendered row; not in any value the job writes. */
    private static final String CELL = " | ";

    private ResultTables() {}

    /**
     * Table name to its sorted rows; a cell equal to a key of {@code runNames} (the run's own topics, which dead
     * letters name) reads as its value instead.
     */
    static Map<String, List<String>> snapshot(Connection c, String database, Map<String, String> runNames)
            throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        for (Map.Entry<String, String> table : resultTables(c, database).entrySet()) {
            List<String> columns = columns(c, database, table.getKey(), table.getValue());
            String select = columns.stream().map(col -> "toString(`" + col + "`)").collect(Collectors.joining(", "));
            List<String> rows = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + select + " FROM " + database + ".`" + table.getKey() + "`"
                         + (table.getValue().isEmpty() ? "" : " FINAL"))) {
                while (rs.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        String cell = String.valueOf(rs.getString(i));
                        cells.add(runNames.getOrDefault(cell, cell));
                    }
                    rows.add(String.join(CELL, cells));
                }
            }
            rows.sort(null);
            tables.put(table.getKey(), rows);
        }
        return tables;
    }

    /**
     * What {@code actual} lacks ({@code -}) and has extra ({@code +}) against {@code expected}, per table and
     * counting repeated rows; empty when they are equal.
     */
    static List<String> differences(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        List<String> differences = new ArrayList<>();
        TreeMap<String, List<String>> all = new TreeMap<>(expected);
        actual.forEach(all::putIfAbsent);
        for (String table : all.keySet()) {
            List<String> missing = new ArrayList<>(expected.getOrDefault(table, List.of()));
            List<String> extra = new ArrayList<>(actual.getOrDefault(table, List.of()));
            for (String row : actual.getOrDefault(table, List.of())) {
                if (missing.remove(row)) {
                    extra.remove(row);
                }
            }
            missing.forEach(row -> differences.add(table + " - " + row));
            extra.forEach(row -> differences.add(table + " + " + row));
        }
        return differences;
    }

    /** Rows per table ({@code FINAL}). */
    static Map<String, Integer> counts(Map<String, List<String>> snapshot) {
        Map<String, Integer> counts = new TreeMap<>();
        snapshot.forEach((table, rows) -> counts.put(table, rows.size()));
        return counts;
    }

    /** Sum of {@code volume.predictions} and the number of volume rows, read with {@code FINAL}. */
    static long[] volumeTotals(Connection c, String database) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sum(predictions), count() FROM " + database + ".volume FINAL")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** Table to its replacing version column; empty for other MergeTrees. */
    private static Map<String, String> resultTables(Connection c, String database) throws SQLException {
        Map<String, String> versionByTable = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, engine_full FROM system.tables "
                + "WHERE database = ? AND engine LIKE '%MergeTree' AND name != ?")) {
            s.setString(1, database);
            s.setString(2, Migrator.HISTORY_TABLE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Matcher m = REPLACING.matcher(rs.getString(2));
                    versionByTable.put(rs.getString(1), m.find() ? m.group(1) : "");
                }
            }
        }
        return versionByTable;
    }

    /** Stored columns (not ALIAS or MATERIALIZED, which derive from them) except the version column. */
    private static List<String> columns(Connection c, String database, String table, String version) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name FROM system.columns WHERE database = ? AND table = ? "
                + "AND default_kind NOT IN ('ALIAS', 'MATERIALIZED') ORDER BY position")) {
            s.setString(1, database);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getString(1).equals(version)) {
                        columns.add(rs.getString(1));
                    }
                }
            }
        }
        return columns;
    }
}
