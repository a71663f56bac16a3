package io.driftwatch.flink.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.schemas.migrate.Migrator;
import io.driftwatch.schemas.tables.BaselineKind;
import io.driftwatch.schemas.tables.DataQualityRow;
import io.driftwatch.schemas.tables.DeadLetterRow;
import io.driftwatch.schemas.tables.DistributionKind;
import io.driftwatch.schemas.tables.FeatureDriftRow;
import io.driftwatch.schemas.tables.LatencyRow;
import io.driftwatch.schemas.tables.PredictionRawRow;
import io.driftwatch.schemas.tables.Subject;
import io.driftwatch.schemas.tables.TableSpec;
import io.driftwatch.schemas.tables.VolumeRow;
import io.driftwatch.schemas.tables.WindowKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The row records of {@code io.driftwatch.schemas.tables} against the migrated tables: each record's columns
 * are exactly the table's stored columns, and a bound row reads back with its times (to the millisecond,
 * whatever the JVM's zone), NULLs, maps and bytes intact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TableRowsITCase {

    private static final String DB = "rows_it";
    /** Millisecond times inside every table's retention, with a non-zero millisecond part. */
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1))
            .plusMillis(123);
    private static final Instant END = START.plus(Duration.ofMinutes(5));
    private static final Instant EMITTED = END.plusMillis(456);
    private static final WindowKey WINDOW = new WindowKey("fraud", "v3", WindowKey.ALL_TRAFFIC, START, END);

    private EmbeddedClickHouse clickhouse;
    private Connection connection;

    @BeforeAll
    void start() throws SQLException {
        clickhouse = EmbeddedClickHouse.start();
        connection = clickhouse.openConnection();
        Migrator.builder().database(DB).build().migrate(connection);
    }

    @AfterAll
    void stop() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        if (clickhouse != null) {
            clickhouse.close();
        }
    }

    @Test
    void recordColumnsAreExactlyTheStoredColumns() throws SQLException {
        for (TableSpec table : List.of(FeatureDriftRow.TABLE, VolumeRow.TABLE, LatencyRow.TABLE, DataQualityRow.TABLE,
                DeadLetterRow.TABLE, PredictionRawRow.TABLE)) {
            List<String> stored = strings("SELECT name FROM system.columns WHERE database = '" + DB + "' AND table = '"
                    + table.name() + "' AND default_kind NOT IN ('ALIAS', 'MATERIALIZED')");
            assertThat(table.columns()).as(table.name()).containsExactlyInAnyOrderElementsOf(stored);
        }
    }

    @Test
    void featureDriftRowRoundTripsWithNullPValue() throws SQLException {
        FeatureDriftRow row = new FeatureDriftRow(WINDOW, Subject.SCORE, "score", DistributionKind.NUMERIC, "psi",
                BaselineKind.TRAINING, "2026-01-01T00:00:00Z", 0.25, Double.NaN, 0.1, true, 0.0, 1000, 200, EMITTED);
        insert(FeatureDriftRow.TABLE, statement -> row.bind(statement));
        assertThat(firstRow("SELECT " + millis("window_start") + ", " + millis("window_end") + ", " + millis("emitted_at")
                + ", subject, feature_kind, baseline_kind, p_value IS NULL, statistic, toString(drift), n_current"
                + " FROM " + DB + ".feature_drift FINAL"))
                .containsExactly(ms(START), ms(END), ms(EMITTED), "score", "numeric", "training", "1", "0.25", "true",
                        "200");
    }

    @Test
    void volumeRowRoundTripsWithClassCounts() throws SQLException {
        VolumeRow row = new VolumeRow(WINDOW, 10, 9, 4.5, 0.5, 0.25, 0.0, 1.0, Map.of("fraud", 3L, "ok", 7L), 2,
                EMITTED);
        insert(VolumeRow.TABLE, row::bind);
        assertThat(firstRow("SELECT predictions, scored, score_mean, class_counts['fraud'], class_counts['ok'],"
                + " late_events, " + millis("window_start") + " FROM " + DB + ".volume FINAL"))
                .containsExactly("10", "9", "0.5", "3", "7", "2", ms(START));
    }

    @Test
    void latencyRowKeepsArbitrarySketchBytes() throws SQLException {
        byte[] sketch = new byte[256];
        for (int i = 0; i < sketch.length; i++) {
            sketch[i] = (byte) i; // every byte value, including 0, quotes and backslash
        }
        LatencyRow row = new LatencyRow(WINDOW, 5, 50, 1, 20, 8, 15, 18, 19.5, 20, sketch, EMITTED);
        insert(LatencyRow.TABLE, row::bind);
        StringBuilder hex = new StringBuilder();
        for (byte b : sketch) {
            hex.append(String.format("%02X", b));
        }
        assertThat(firstRow("SELECT count, p99_ms, length(sketch), hex(sketch) FROM " + DB + ".latency FINAL"))
                .containsExactly("5", "19.5", "256", hex.toString());
    }

    @Test
    void dataQualityRowRoundTripsWithInfiniteAlias() throws SQLException {
        DataQualityRow row = new DataQualityRow(WINDOW, "amount", 100, 1, 2, 3, 4, 5, 6, 7, EMITTED);
        insert(DataQualityRow.TABLE, row::bind);
        assertThat(firstRow("SELECT seen, null_count, nan_count, infinite_count, out_of_range_count,"
                + " unseen_category_count, type_mismatch_count FROM " + DB + ".data_quality FINAL"))
                .containsExactly("100", "1", "2", "7", "5", "6", "7");
    }

    @Test
    void deadLetterRowRoundTripsAndFlagsTruncation() throws SQLException {
        DeadLetterRow row = new DeadLetterRow("predictions", 1, 42, START, EMITTED, "", "invalid_json",
                "unexpected end of input", "{\"model_id\": \"fr", 500);
        insert(DeadLetterRow.TABLE, row::bind);
        assertThat(firstRow("SELECT source_offset, " + millis("record_time") + ", payload, payload_bytes,"
                + " toString(payload_truncated) FROM " + DB + ".dead_letters FINAL"))
                .containsExactly("42", ms(START), "{\"model_id\": \"fr", "500", "true");
    }

    @Test
    void predictionRawRowRoundTripsMapsAndNullLatency() throws SQLException {
        PredictionRawRow row = new PredictionRawRow("fraud", "v3", "p-1", START, EMITTED, Map.of("country", "DE"),
                Map.of("amount", "12.5", "merchant", "o'brien\\shop"), 0.75, "fraud", Double.NaN, 0.01f);
        insert(PredictionRawRow.TABLE, row::bind);
        assertThat(firstRow("SELECT " + millis("event_time") + ", segments['country'], features['amount'],"
                + " features['merchant'], score, predicted_class, latency_ms IS NULL FROM " + DB
                + ".predictions_raw FINAL"))
                .containsExactly(ms(START), "DE", "12.5", "o'brien\\shop", "0.75", "fraud", "1");
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void insert(TableSpec table, Binder binder) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(table.insertSql(DB))) {
            binder.bind(insert);
            insert.addBatch();
            insert.executeBatch();
        }
    }

    private static String millis(String column) {
        return "toUnixTimestamp64Milli(" + column + ")";
    }

    private static String ms(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private List<String> firstRow(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from " + sql).isTrue();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getString(i));
            }
            assertThat(rs.next()).as("exactly one row from " + sql).isFalse();
            return values;
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
