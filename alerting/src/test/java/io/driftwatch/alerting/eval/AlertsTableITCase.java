package io.driftwatch.alerting.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.alerting.rules.RuleSet;
import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.schemas.migrate.Migration;
import io.driftwatch.schemas.migrate.Migrator;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@code alerts} table (migration V0020) on a real ClickHouse: it applies, has the intended engine, key
 * and retention, takes the evaluator's events, and a re-emitted event is read once with FINAL (latest wins)
 * while fired and resolved events of one series stay distinct rows.
 */
class AlertsTableITCase {

    private static final String DB = Migrator.DEFAULT_DATABASE;
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final DateTimeFormatter CLICKHOUSE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @Test
    void alertEventsStoreAndDeduplicate() throws SQLException {
        try (EmbeddedClickHouse clickhouse = EmbeddedClickHouse.start(); Connection c = clickhouse.openConnection()) {
            assertThat(Migrator.driftwatch().migrate(c).applied()).extracting(Migration::fileName)
                    .contains("V0020__alerts.sql");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT engine, sorting_key,"
                    + " partition_key, engine_full FROM system.tables WHERE database = '" + DB + "' AND name = 'alerts'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ReplacingMergeTree");
                assertThat(rs.getString(2)).isEqualTo("rule, model_id, model_version, segment, feature, window_start, kind");
                assertThat(rs.getString(3)).isEqualTo("toYYYYMM(window_start)");
                assertThat(rs.getString(4)).contains("TTL toDateTime(window_start) + toIntervalDay(400)");
            }

            RuleSet rules = Rows.rules("""
                      - name: drift
                        selector: {metric: feature_drift, test: ks}
                        condition: {value: p_value, op: "<=", threshold: 0.05}
                        correction: bonferroni
                        severity: error
                        labels: {team: risk}
                        routes: [hook]
                    """);
            Evaluator evaluator = new Evaluator(rules);
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
            List<AlertEvent> events = new ArrayList<>(evaluator.evaluate(List.of(row("amount", t0, 0.001), row("age", t0, 0.5))));
            events.addAll(evaluator.evaluate(List.of(row("amount", t0.plus(WINDOW), 0.9), row("age", t0.plus(WINDOW), 0.5))));
            assertThat(events).extracting(AlertEvent::kind).containsExactly(EventKind.FIRED, EventKind.RESOLVED);

            execute(c, "SYSTEM STOP MERGES " + DB + ".alerts");
            Instant emitted = Instant.now();
            for (AlertEvent e : events) {
                execute(c, insert(e, emitted));
            }
            execute(c, insert(events.get(0), emitted.plusSeconds(1))); // a replay after a restart
            assertThat(query(c, "SELECT count() FROM " + DB + ".alerts")).containsExactly("3");
            assertThat(query(c, "SELECT concat(toString(kind), ' ', dedup_key, ' ', toString(adjusted_p_value), ' ',"
                    + " labels['team'], ' ', toString(routes)) FROM " + DB + ".alerts FINAL ORDER BY window_start"))
                    .containsExactly("fired " + events.get(0).dedupKey() + " 0.002 risk ['hook']",
                            "resolved " + events.get(0).dedupKey() + " 1 risk ['hook']");
            assertThat(query(c, "SELECT toString(p_value) FROM " + DB + ".alerts FINAL WHERE kind = 'fired'"))
                    .containsExactly("0.001");
        }
    }

    private static MetricObservation row(String feature, Instant start, double p) {
        return new MetricObservation(io.driftwatch.alerting.rules.MetricFamily.FEATURE_DRIFT,
                new SeriesKey("fraud", "v3", "", feature), "ks", start, start.plus(WINDOW),
                Map.of("p_value", p, "statistic", 0.2), p < 0.05, "training:1");
    }

    /** The INSERT a sink would do, as SQL text (test values contain no quotes). */
    private static String insert(AlertEvent e, Instant emittedAt) {
        String labels = e.labels().entrySet().stream().map(en -> q(en.getKey()) + ", " + q(en.getValue()))
                .collect(Collectors.joining(", ", "map(", ")"));
        String routes = e.routes().stream().map(AlertsTableITCase::q).collect(Collectors.joining(", ", "[", "]"));
        return "INSERT INTO " + DB + ".alerts VALUES (" + String.join(", ", q(e.rule()), q(e.series().model()),
                q(e.series().version()), q(e.series().segment()), q(e.series().feature()), t(e.windowStart()),
                t(e.windowEnd()), q(e.kind().name().toLowerCase(java.util.Locale.ROOT)), q(e.dedupKey()),
                q(e.severity().wireName()), q(e.family().yamlName()), q(e.test()), q(e.condition()), q(e.valueName()),
                num(e.value()), num(e.threshold()), num(e.statistic()), nullable(e.pValue()), nullable(e.adjustedPValue()),
                q(e.baseline()), t(e.firingSince()), labels, routes, q(e.summary()), q(e.dashboardUrl()),
                q(e.runbookUrl()), t(emittedAt)) + ")";
    }

    private static String q(String s) {
        return "'" + s + "'";
    }

    private static String t(Instant i) {
        return "toDateTime64('" + CLICKHOUSE_TIME.format(i) + "', 3, 'UTC')";
    }

    private static String num(double x) {
        return Double.isNaN(x) ? "nan" : Double.toString(x);
    }

    private static String nullable(double x) {
        return Double.isNaN(x) ? "NULL" : Double.toString(x);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> query(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
