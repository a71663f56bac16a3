package io.driftwatch.flink.reliability;

import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every result table of a database, read with {@code FINAL}, each row as text without the table's replacing
 * version column ({@code emitted_at}, {@code ingested_at}: when the job wrote it, which differs between runs).
 * Generic: the tables are all {@code ReplacingMergeTree(version)} tables of the database, found in
 * {@code system.tables}, so tables added later (labels, alerts) join the comparison without a change here.
 *
 * @param rows table name to its rows, sorted
 */
record TableSnapshot(Map<String, List<String>> rows) {

    private static final Pattern REPLACING = Pattern.compile("^ReplacingMergeTree\\((\\w+)\\)");

    static TableSnapshot of(EmbeddedClickHouse clickhouse, String database) throws Exception {
        return of(clickhouse, database, Set.of());
    }

    /** As {@link #of(EmbeddedClickHouse, String)} without the {@code ignored} columns, each as {@code table.column}. */
    static TableSnapshot of(EmbeddedClickHouse clickhouse, String database, Set<String> ignored) throws Exception {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection c = clickhouse.openConnection()) {
            Map<String, String> versions = new TreeMap<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT name, engine_full FROM system.tables WHERE database = ?")) {
                st.setString(1, database);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Matcher m = REPLACING.matcher(rs.getString(2));
                        if (m.find()) {
                            versions.put(rs.getString(1), m.group(1));
                        }
                    }
                }
            }
            for (Map.Entry<String, String> table : versions.entrySet()) {
                rows.put(table.getKey(), read(c, database, table.getKey(), table.getValue(), ignored));
            }
        }
        return new TableSnapshot(rows);
    }

    /** Identifiers come from system.tables and system.columns of a database the test created, never from input. */
    private static List<String> read(Connection c, String database, String table, String version, Set<String> ignored)
            throws Exception {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT name FROM system.columns WHERE database = ? AND table = ? "
                + "AND default_kind NOT IN ('MATERIALIZED', 'ALIAS') AND name != ? ORDER BY position")) {
            st.setString(1, database);
            st.setString(2, table);
            st.setString(3, version);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (!ignored.contains(table + "." + rs.getString(1))) {
                        columns.add("`" + rs.getString(1) + "`");
                    }
                }
            }
        }
        List<String> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT toString(tuple(" + String.join(", ", columns) + ")) FROM `"
                + database + "`.`" + table + "` FINAL"); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        Collections.sort(rows);
        return rows;
    }

    static long count(EmbeddedClickHouse clickhouse, String database, String table) throws Exception {
        try (Connection c = clickhouse.openConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT count() FROM `" + database + "`.`" + table + "` FINAL"); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Row count per table, for messages and for checking a snapshot is not trivially empty. */
    Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new TreeMap<>();
        rows.forEach((t, r) -> sizes.put(t, r.size()));
        return sizes;
    }

    /** Rows of this snapshot missing from {@code other} and vice versa, per table (empty when equal). */
    Map<String, String> differences(TableSnapshot other) {
        Map<String, String> diff = new TreeMap<>();
        for (String table : rows.keySet()) {
            List<String> mine = new ArrayList<>(rows.get(table));
            List<String> theirs = new ArrayList<>(other.rows.getOrDefault(table, List.of()));
            List<String> missing = new ArrayList<>(mine);
            missing.removeAll(theirs);
            List<String> extra = new ArrayList<>(theirs);
            extra.removeAll(mine);
            if (!missing.isEmpty() || !extra.isEmpty() || mine.size() != theirs.size()) {
                diff.put(table, mine.size() + " vs " + theirs.size() + " rows; only in clean: "
                        + missing.subList(0, Math.min(3, missing.size())) + "; only in run: "
                        + extra.subList(0, Math.min(3, extra.size())));
            }
        }
        return diff;
    }
}
