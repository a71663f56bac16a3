package io.driftwatch.flink.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.schemas.migrate.Migration;
import io.driftwatch.schemas.migrate.MigrationReport;
import io.driftwatch.schemas.migrate.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pipeline's ClickHouse tables on a real ClickHouse: the migrations apply to a fresh database, each
 * table has its intended engine and key, a re-emitted row is read once with FINAL (the later version
 * wins), and every example query of {@code schemas/TABLES.md} runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClickHouseTablesITCase {

    private static final String DB = Migrator.DEFAULT_DATABASE;
    /** The analyst guide, relative to this module (failsafe runs in the module directory). */
    private static final Path TABLES_MD = Path.of("..", "schemas", "TABLES.md");
    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);
    private static final String REPLACING = "ReplacingMergeTree";
    /** Test rows lie in the last hour, well inside every table's retention (TTL), so none expires mid-test. */
    private static final Instant WINDOW_START = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final DateTimeFormatter CLICKHOUSE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private EmbeddedClickHouse clickhouse;
    private Connection connection;

    @BeforeAll
    void start() throws SQLException {
        clickhouse = EmbeddedClickHouse.start();
        connection = clickhouse.openConnection();
        MigrationReport report = Migrator.driftwatch().migrate(connection);
        assertThat(report.applied()).extracting(Migration::fileName).contains("V0002__feature_drift.sql",
                "V0008__predictions_raw.sql");
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

    /** Table, sorting key, and two inserts of the same logical row whose {@code marker} column differs. */
    static Stream<Arguments> tables() {
        String window = "'fraud', 'v3', 'country=DE', " + at(WINDOW_START) + ", " + at(WINDOW_START.plus(WINDOW));
        return Stream.of(
                Arguments.of("feature_drift", "model_id, model_version, segment, subject, feature, test, baseline_kind,"
                                + " window_start, window_end",
                        "(model_id, model_version, segment, window_start, window_end, subject, feature, feature_kind, test,"
                                + " baseline_kind, baseline_id, statistic, p_value, threshold, drift, error_bound,"
                                + " n_reference, n_current, emitted_at) VALUES (" + window + ", 'feature', 'amount',"
                                + " 'numeric', 'psi', 'training', 'b1', %s, NULL, 0.1, true, 0, 1000, 200, %s)",
                        "statistic"),
                Arguments.of("volume", "model_id, model_version, segment, window_start, window_end",
                        "(model_id, model_version, segment, window_start, window_end, predictions, class_counts,"
                                + " emitted_at) VALUES (" + window + ", %s, map('fraud', 3), %s)",
                        "predictions"),
                Arguments.of("latency", "model_id, model_version, segment, window_start, window_end",
                        "(model_id, model_version, segment, window_start, window_end, count, p99_ms, sketch,"
                                + " emitted_at) VALUES (" + window + ", 10, %s, unhex('01ff'), %s)",
                        "p99_ms"),
                Arguments.of("data_quality", "model_id, model_version, segment, feature, window_start, window_end",
                        "(model_id, model_version, segment, window_start, window_end, feature, seen, null_count,"
                                + " emitted_at) VALUES (" + window + ", 'amount', 100, %s, %s)",
                        "null_count"),
                Arguments.of("dead_letters", "source_topic, source_partition, source_offset",
                        "(source_topic, source_partition, source_offset, record_time, reason, detail, payload,"
                                + " payload_bytes, ingested_at) VALUES ('predictions', 2, 4711,"
                                + " " + at(WINDOW_START) + ", 'malformed_json', '%s', '{', 1, %s)",
                        "detail"),
                Arguments.of("baselines", "model_id, model_version, feature, segment",
                        "(model_id, model_version, feature, kind, row_count, profile_json, source, created_at)"
                                + " VALUES ('fraud', 'v3', 'amount', 'numeric', 1000, '{}', '%s', %s)",
                        "source"),
                Arguments.of("predictions_raw", "model_id, model_version, event_time, prediction_id",
                        "(model_id, model_version, prediction_id, event_time, segments, features, score, sample_rate,"
                                + " ingested_at) VALUES ('fraud', 'v3', 'p-1', " + at(WINDOW_START) + ","
                                + " map('country', 'DE'), map('amount', '12.5'), %s, 0.01, %s)",
                        "score"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void tableHasReplacingEngineKeyAndReadsOneRowPerIdentityWithFinal(String table, String sortingKey,
                                                                       String insertTemplate, String marker)
            throws SQLException {
        Map<String, String> meta = tableMetadata(table);
        assertThat(meta.get("engine")).isEqualTo(REPLACING);
        assertThat(meta.get("sorting_key")).isEqualTo(sortingKey);

        execute("SYSTEM STOP MERGES " + DB + "." + table); // so both copies stay visible without FINAL
        // the first emission, then a replay of the same logical row with a later version and another value
        execute("INSERT INTO " + DB + "." + table + " " + insertTemplate.formatted("1", at(WINDOW_START.plus(WINDOW).plusSeconds(1))));
        execute("INSERT INTO " + DB + "." + table + " " + insertTemplate.formatted("2", at(WINDOW_START.plus(WINDOW).plusSeconds(2))));

        assertThat(queryStrings("SELECT toString(" + marker + ") FROM " + DB + "." + table))
                .as("both copies are stored until a merge").hasSize(2);
        assertThat(queryStrings("SELECT toString(" + marker + ") FROM " + DB + "." + table + " FINAL"))
                .as("FINAL reads the later version only").containsExactly("2");
    }

    @Test
    void aggregatesAreDailyPartitionedAndExpire() throws SQLException {
        for (String table : List.of("feature_drift", "volume", "latency", "data_quality")) {
            Map<String, String> meta = tableMetadata(table);
            assertThat(meta.get("partition_key")).as(table).isEqualTo("toYYYYMMDD(window_start)");
            assertThat(meta.get("engine_full")).as(table).contains("TTL toDateTime(window_start) + toIntervalDay(400)");
        }
        assertThat(tableMetadata("predictions_raw").get("engine_full"))
                .contains("TTL toDateTime(event_time) + toIntervalDay(30)");
        assertThat(tableMetadata("dead_letters").get("engine_full"))
                .contains("TTL toDateTime(record_time) + toIntervalDay(30)");
        assertThat(tableMetadata("baselines").get("engine_full")).doesNotContain("TTL");
    }

    @Test
    void pValueIsTheOnlyNullableResultColumn() throws SQLException {
        assertThat(queryStrings("SELECT name FROM system.columns WHERE database = '" + DB
                + "' AND table = 'feature_drift' AND type LIKE 'Nullable%'")).containsExactly("p_value");
    }

    @Test
    void migratingAgainChangesNothing() {
        assertThat(Migrator.driftwatch().migrate(connection).upToDate()).isTrue();
    }

    @Test
    void everyExampleQueryOfTheAnalystGuideRuns() throws IOException {
        List<String> queries = new ArrayList<>();
        Matcher m = SQL_BLOCK.matcher(Files.readString(TABLES_MD));
        while (m.find()) {
            queries.add(m.group(1));
        }
        assertThat(queries).as("example queries in " + TABLES_MD).hasSizeGreaterThanOrEqualTo(7);
        for (String query : queries) {
            assertThatCode(() -> queryStrings(query)).as(query).doesNotThrowAnyException();
        }
    }

    /** A DateTime64(3, 'UTC') literal. */
    private static String at(Instant instant) {
        return "'" + CLICKHOUSE_TIME.format(instant) + "'";
    }

    private Map<String, String> tableMetadata(String table) throws SQLException {
        Map<String, String> meta = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT engine, sorting_key, partition_key, engine_full FROM system.tables"
                     + " WHERE database = '" + DB + "' AND name = '" + table + "'")) {
            assertThat(rs.next()).as("table " + table + " exists").isTrue();
            for (String column : List.of("engine", "sorting_key", "partition_key", "engine_full")) {
                meta.put(column, rs.getString(column));
            }
        }
        return meta;
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> queryStrings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
