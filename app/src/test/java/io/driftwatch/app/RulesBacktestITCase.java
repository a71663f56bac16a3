package io.driftwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.schemas.migrate.Migrator;
import io.driftwatch.schemas.tables.BaselineKind;
import io.driftwatch.schemas.tables.ChangePointRow;
import io.driftwatch.schemas.tables.ModelTask;
import io.driftwatch.schemas.tables.PerformanceRow;
import io.driftwatch.schemas.tables.DistributionKind;
import io.driftwatch.schemas.tables.FeatureDriftRow;
import io.driftwatch.schemas.tables.LatencyRow;
import io.driftwatch.schemas.tables.Subject;
import io.driftwatch.schemas.tables.WindowKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rules backtest} on a real ClickHouse with known latency and drift rows: the alerts that fire and
 * resolve, when, the pages per day, what still fires at the end, and that rows outside the range are not read.
 */
class RulesBacktestITCase {

    private static final String DB = Migrator.DEFAULT_DATABASE;
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Instant DAY1 = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-02-02T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-02-03T00:00:00Z");
    /** p99 per window of day 1: breach twice (fires with for: 2), clean twice (resolves), breach once (pending). */
    private static final double[] DAY1_P99 = {100, 300, 320, 100, 100, 400};
    /** Day 2's first window is the second breach in a row (windows without rows are not seen): it fires. */
    private static final double[] DAY2_P99 = {500, 500};
    private static final double[] DAY1_KS_P = {0.5, 0.001, 0.2, 0.3};

    private static WindowKey window(Instant dayStart, int w) {
        Instant start = dayStart.plus(WINDOW.multipliedBy(w));
        return new WindowKey("fraud", "v1", WindowKey.ALL_TRAFFIC, start, start.plus(WINDOW));
    }

    private static void latency(Connection c, WindowKey w, double p99) throws Exception {
        try (PreparedStatement st = c.prepareStatement(LatencyRow.TABLE.insertSql(DB))) {
            new LatencyRow(w, 100, 100 * 50, 1, p99, 50, 80, 90, p99, p99, new byte[0], w.end()).bind(st);
            st.executeUpdate();
        }
    }

    private static void drift(Connection c, WindowKey w, double p) throws Exception {
        try (PreparedStatement st = c.prepareStatement(FeatureDriftRow.TABLE.insertSql(DB))) {
            new FeatureDriftRow(w, Subject.FEATURE, "amount", DistributionKind.NUMERIC, "ks", BaselineKind.TRAINING,
                    "b1", 1 - p, p, 0.05, p < 0.05, 0, 150, 100, w.end()).bind(st);
            st.executeUpdate();
        }
    }

    @Test
    void replaysStoredRowsThroughTheEvaluator(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                notifiers:
                  - {name: hook, type: webhook, url: 'http://127.0.0.1:1/h'}
                rules:
                  - name: latency-p99
                    selector: {metric: latency}
                    condition: {value: p99, op: ">", threshold: 250}
                    for: 2
                    resolve_after: 2
                    severity: critical
                    routes: [hook]
                  - name: drift-amount
                    selector: {metric: feature_drift, feature: amount, test: ks}
                    condition: {value: p_value, op: "<=", threshold: 0.01}
                    severity: error
                    routes: [hook]
                """);
        try (EmbeddedClickHouse clickhouse = EmbeddedClickHouse.start(); Connection c = clickhouse.openConnection()) {
            Migrator.driftwatch().migrate(c);
            for (int w = 0; w < DAY1_P99.length; w++) {
                latency(c, window(DAY1, w), DAY1_P99[w]);
            }
            for (int w = 0; w < DAY2_P99.length; w++) {
                latency(c, window(DAY2, w), DAY2_P99[w]);
            }
            for (int w = 0; w < DAY1_KS_P.length; w++) {
                drift(c, window(DAY1, w), DAY1_KS_P[w]);
            }
            // before --from: would fire the drift rule in the window before day 1 if it were read
            drift(c, window(DAY1, -1), 0.0001);
            // the end of --to is exclusive: a breaching latency window starting at --to is not read
            latency(c, window(TO, 0), 900);

            CliRun run = CliRun.of("rules", "backtest", "--rules", rules.toString(), "--from", DAY1.toString(),
                    "--to", TO.toString(), "--clickhouse-url", clickhouse.jdbcUrl(), "--database", DB);
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).isEqualTo("""
                    backtest of %s over [2026-02-01T00:00:00Z, 2026-02-03T00:00:00Z): 12 metric row(s), 2 rule(s), 5 event(s)
                    2026-02-01T00:10:00Z  FIRED    [FIRING] drift-amount fraud/v1 feature=amount: p_value=0.001 (p_value <= 0.01)
                    2026-02-01T00:15:00Z  FIRED    [FIRING] latency-p99 fraud/v1: p99=320 (p99 > 250.0)
                    2026-02-01T00:15:00Z  RESOLVED [RESOLVED] drift-amount fraud/v1 feature=amount: p_value=0.2 (p_value <= 0.01)
                    2026-02-01T00:25:00Z  RESOLVED [RESOLVED] latency-p99 fraud/v1: p99=100 (p99 > 250.0)
                    2026-02-02T00:05:00Z  FIRED    [FIRING] latency-p99 fraud/v1: p99=500 (p99 > 250.0)
                    pages per day (fired alerts): 3 in 2.00 day(s), 1.50 per day
                      2026-02-01  2
                      2026-02-02  1
                    still firing at the end: 1
                      latency-p99 fraud/v1 since 2026-02-02T00:05:00Z
                    """.formatted(rules));
        }
    }

    /** A binary model's performance row with the given ECE (revision {@code revision}, emitted at {@code emittedAt}). */
    private static void performance(Connection c, WindowKey w, double ece, boolean estimated, long revision,
                                    Instant emittedAt) throws Exception {
        try (PreparedStatement st = c.prepareStatement(PerformanceRow.TABLE.insertSql(DB))) {
            new PerformanceRow(w, ModelTask.BINARY, new PerformanceRow.Counts(1000, estimated ? 100 : 800, 10, 5, 80, 5),
                    PerformanceRow.Delays.NONE, 0.5, new PerformanceRow.Metrics(ece, 2 * ece, ece, 0.2, 0.6, 0.8, 0.7,
                    0.65, 0.55, 0.6, 0.9, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN),
                    new PerformanceRow.Estimate(estimated, 0.88, 0.6, 0.5, 0.55), revision, emittedAt).bind(st);
            st.executeUpdate();
        }
    }

    @Test
    void labelMetricsAreReadFromTheLatestRevisionAndChangePoints(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                notifiers:
                  - {name: hook, type: webhook, url: 'http://127.0.0.1:1/h'}
                rules:
                  - name: ece
                    selector: {metric: calibration}
                    condition: {value: ece, op: ">", threshold: 0.1}
                    severity: error
                    routes: [hook]
                    evaluate_after: 1h
                  - name: error-change
                    selector: {metric: change_point, feature: error}
                    condition: {drift_flag: true}
                    severity: warning
                    routes: [hook]
                """);
        try (EmbeddedClickHouse clickhouse = EmbeddedClickHouse.start(); Connection c = clickhouse.openConnection()) {
            Migrator.driftwatch().migrate(c);
            // window 0: estimated first (no data), then clean; window 1: clean first, breaching in its last revision
            performance(c, window(DAY1, 0), 0.5, true, 1, window(DAY1, 0).end().plusSeconds(60));
            performance(c, window(DAY1, 0), 0.02, false, 2, window(DAY1, 0).end().plusSeconds(600));
            performance(c, window(DAY1, 1), 0.03, false, 1, window(DAY1, 1).end().plusSeconds(60));
            performance(c, window(DAY1, 1), 0.3, false, 2, window(DAY1, 1).end().plusSeconds(600));
            performance(c, window(DAY1, 2), 0.04, false, 1, window(DAY1, 2).end().plusSeconds(60));
            try (PreparedStatement st = c.prepareStatement(ChangePointRow.TABLE.insertSql(DB))) {
                Instant detected = window(DAY1, 3).start().plusSeconds(30);
                new ChangePointRow("fraud", "v1", WindowKey.ALL_TRAFFIC, "adwin", "error", detected,
                        window(DAY1, 1).start(), 812, Double.NaN, Double.NaN, detected.plusSeconds(60)).bind(st);
                st.executeUpdate();
            }

            CliRun run = CliRun.of("rules", "backtest", "--rules", rules.toString(), "--from", DAY1.toString(),
                    "--to", TO.toString(), "--clickhouse-url", clickhouse.jdbcUrl(), "--database", DB);
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            // window 1 is judged on its latest revision; a change point is a flagged instant (it does not resolve)
            assertThat(run.out()).isEqualTo("""
                    backtest of %s over [2026-02-01T00:00:00Z, 2026-02-03T00:00:00Z): 7 metric row(s), 2 rule(s), 3 event(s)
                    2026-02-01T00:10:00Z  FIRED    [FIRING] ece fraud/v1: ece=0.3 (ece > 0.1)
                    2026-02-01T00:15:00Z  RESOLVED [RESOLVED] ece fraud/v1: ece=0.04 (ece > 0.1)
                    2026-02-01T00:15:30.001Z  FIRED    [FIRING] error-change fraud/v1 feature=error: statistic=n/a (drift_flag)
                    pages per day (fired alerts): 2 in 2.00 day(s), 1.00 per day
                      2026-02-01  2
                    still firing at the end: 1
                      error-change fraud/v1 feature=error since 2026-02-01T00:15:30.001Z
                    """.formatted(rules));
        }
    }

    @Test
    void anInvalidRulesFileIsReportedWithLineAndColumn(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("bad.yaml");
        Files.writeString(rules, """
                notifiers:
                  - {name: hook, type: webhook, url: 'http://127.0.0.1:1/h'}
                rules:
                  - name: latency
                    selector: {metric: latency}
                    condition: {value: p98, op: ">", threshold: 250}
                    severity: critical
                    routes: [hook]
                """);
        CliRun run = CliRun.of("rules", "backtest", "--rules", rules.toString(), "--from", DAY1.toString(),
                "--to", TO.toString());
        assertThat(run.exitCode()).isEqualTo(RulesCommand.EXIT_INVALID);
        assertThat(run.out()).contains("bad.yaml:6:").contains("p98").contains("1 error(s)");
    }
}
