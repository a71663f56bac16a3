package io.driftwatch.dashboards.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.dashboards.pipeline.PipelineTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs every panel target, annotation and query variable of every shipped dashboard, expanded as the ClickHouse
 * plugin would ({@link MacroExpander}), for two selections of the template variables, against tables filled by the
 * REAL pipeline ({@link PipelineTables}: generated predictions with an injected drift and their delayed labels on
 * Kafka, DriftwatchJob with the label pipeline and alert rules on a local MiniCluster, ClickHouse sinks). Each query
 * must succeed, return rows, and have the columns its panel type needs. No table is filled from a fixture.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardQueriesITCase {

    private static final String DB = PipelineTables.DATABASE;
    private static final Pattern TIME_TYPE = Pattern.compile("(Nullable\\()?DateTime.*");
    private static final Pattern NUMERIC_TYPE = Pattern.compile("(Nullable\\()?(U?Int|Float|Decimal).*");
    private static final Pattern TEXT_TYPE = Pattern.compile("(Nullable\\()?(LowCardinality\\()?String.*");
    /** Every table the dashboards read; the job (or, for baselines, its BaselineStore) writes them all. */
    private static final List<String> PIPELINE_TABLES = List.of("feature_drift", "volume", "latency", "data_quality",
            "dead_letters", "baselines", "performance", "reliability", "change_points", "alerts");
    /** ECE of the drifting model's windows must rise by more than this after the calibration degradation. */
    private static final double MIN_ECE_RISE = 0.2;
    /** Lowest label coverage expected of a window (the generator labels 95 % of the predictions). */
    private static final double MIN_COVERAGE = 0.9;

    private static final String BACKSLASH_QUOTE = "x\\' OR 1=1 --";
    /** Values a URL can set (issue #8): each would break out of a quoted literal or read another table. */
    private static final List<String> HOSTILE_VALUES = List.of(BACKSLASH_QUOTE, "x' OR 1=1 --",
            "x'; DROP TABLE " + DB + ".volume; --",
            "x\\' UNION ALL SELECT toString(count()) FROM " + DB + ".alerts --",
            "x' UNION ALL SELECT rule FROM " + DB + ".alerts --",
            "Zürich €𝄞\\", "a,b}{c", "%27%20OR%201%3D1");
    /** A value no row has, as a harmless baseline for the hostile ones. */
    private static final String NO_SUCH_VALUE = "no-such-value";
    /** Year of the DateTime an aggregate such as max() gives over no rows. */
    private static final int EPOCH_YEAR = 1970;

    private PipelineTables pipeline;
    private Connection connection;
    private long volumeRows;
    /** One bucket per pipeline window, as Grafana would pick for the range on a wide panel. */
    private QueryContext range;

    @BeforeAll
    void start() throws Exception {
        pipeline = PipelineTables.run();
        connection = pipeline.clickhouse().openConnection();
        for (String table : PIPELINE_TABLES) {
            assertThat(count("SELECT count() FROM " + DB + "." + table + " FINAL")).as(table + " filled by the job")
                    .isPositive();
        }
        volumeRows = count("SELECT count() FROM " + DB + ".volume FINAL");
        // up to the last label: change points are detected at label times, hours after the predictions
        range = new QueryContext(PipelineTables.START, pipeline.labelsEnd(), PipelineTables.WINDOW);
    }

    @AfterAll
    void stop() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void theJobDetectedTheInjectedDrift() throws SQLException {
        String drifting = "SELECT countIf(drift) FROM " + DB + ".feature_drift FINAL WHERE model_id = '"
                + PipelineTables.DRIFTING_MODEL + "' AND subject = 'feature' AND test = 'psi' AND feature = '"
                + PipelineTables.DRIFTING_FEATURE + "' AND window_start ";
        long windowsAfterDrift = (long) (PipelineTables.WINDOWS - PipelineTables.DRIFT_FROM_WINDOW) * 2
                * PipelineTables.SEGMENTS.size();
        String driftStart = "toDateTime64(" + PipelineTables.START.plus(PipelineTables.WINDOW.multipliedBy(
                PipelineTables.DRIFT_FROM_WINDOW)).getEpochSecond() + ", 3, 'UTC')";
        assertThat(count(drifting + ">= " + driftStart)).as("every drifting window of both versions")
                .isEqualTo(windowsAfterDrift);
        assertThat(count(drifting + "< " + driftStart)).as("no drift before the injection: %s", run(null,
                "SELECT model_version, segment, window_start, statistic, threshold, baseline_kind FROM " + DB
                        + ".feature_drift FINAL WHERE drift AND feature = '" + PipelineTables.DRIFTING_FEATURE
                        + "' AND test = 'psi' AND window_start < " + driftStart).rows()).isZero();
    }

    @Test
    void theLabelPipelineSawTheCalibrationDegradationWithHighCoverage() throws SQLException {
        String ece = "SELECT avg(ece) FROM " + DB + ".performance FINAL WHERE model_id = '"
                + PipelineTables.DRIFTING_MODEL + "' AND window_start " + "%s toDateTime64("
                + driftStart().getEpochSecond() + ", 3, 'UTC')";
        assertThat(value(ece.formatted(">="))).as("ECE after the degradation")
                .isGreaterThan(value(ece.formatted("<")) + MIN_ECE_RISE);
        assertThat(value("SELECT min(coverage) FROM " + DB + ".performance FINAL")).isGreaterThan(MIN_COVERAGE);
        assertThat(count("SELECT uniqExact(model_version, segment) FROM " + DB + ".change_points FINAL WHERE "
                + "model_id = '" + PipelineTables.DRIFTING_MODEL + "' AND detected_at >= toDateTime64("
                + driftStart().getEpochSecond() + ", 3, 'UTC')")).as("ADWIN found the error-rate jump in every series")
                .isEqualTo(2L * PipelineTables.SEGMENTS.size());
        assertThat(count("SELECT count() FROM " + DB + ".dead_letters FINAL WHERE reason = 'unknown_prediction'"))
                .as("the label of a prediction that never came").isEqualTo(1);
    }

    @Test
    void bothRulesFiredOnTheirSeriesAndReachedTheWebhook() throws SQLException {
        String fired = "SELECT uniqExact(model_id, model_version, segment) FROM " + DB + ".alerts FINAL WHERE kind = "
                + "'fired' AND rule = '%s' AND window_start >= toDateTime64(" + driftStart().getEpochSecond()
                + ", 3, 'UTC') AND model_id = '" + PipelineTables.DRIFTING_MODEL + "'";
        long driftingSeries = 2L * PipelineTables.SEGMENTS.size();
        assertThat(count(fired.formatted(PipelineTables.DRIFT_RULE))).isEqualTo(driftingSeries);
        assertThat(count(fired.formatted(PipelineTables.LATENCY_RULE))).isEqualTo(driftingSeries);
        assertThat(count("SELECT count() FROM " + DB + ".alerts FINAL WHERE model_id != '"
                + PipelineTables.DRIFTING_MODEL + "' OR window_start < toDateTime64(" + driftStart().getEpochSecond()
                + ", 3, 'UTC')")).as("no alert outside the injected faults").isZero();
        assertThat(pipeline.webhookBodies()).as("delivered through the rules' webhook route")
                .anyMatch(b -> b.contains(PipelineTables.DRIFT_RULE))
                .anyMatch(b -> b.contains(PipelineTables.LATENCY_RULE));
    }

    private static Instant driftStart() {
        return PipelineTables.START.plus(PipelineTables.WINDOW.multipliedBy(PipelineTables.DRIFT_FROM_WINDOW));
    }

    @Test
    void everyQueryRunsWithTheDriftingModelSelected() throws SQLException {
        runAll(Map.of("model", VariableValue.single(PipelineTables.DRIFTING_MODEL),
                "version", VariableValue.multi(List.of("v1", "v2")),
                "segment", VariableValue.single(""),
                "feature", VariableValue.multi(PipelineTables.FEATURES),
                "test", VariableValue.single("psi")));
    }

    @Test
    void everyQueryRunsWithOneVersionSegmentFeatureAndAPValueTest() throws SQLException {
        runAll(Map.of("model", VariableValue.single(PipelineTables.DRIFTING_MODEL),
                "version", VariableValue.multi(List.of("v2")),
                "segment", VariableValue.single("country=DE"),
                "feature", VariableValue.multi(List.of(PipelineTables.DRIFTING_FEATURE)),
                "test", VariableValue.single("ks")));
    }

    private void runAll(Map<String, VariableValue> variables) throws SQLException {
        int queries = 0;
        for (JsonNode dashboard : DashboardCatalog.load().dashboards().values()) {
            MacroExpander expander = new MacroExpander(range, asDeclared(dashboard, variables));
            for (PanelQuery query : DashboardCatalog.queries(dashboard)) {
                queries++;
                String sql = expander.expand(query.rawSql());
                assertThat(sql).as(query.describe() + " leaves no macro or variable").doesNotContain("${", "$__");
                Result result = run(query, sql);
                assertThat(result.rows()).as(query.describe() + " returns rows:\n" + sql).isNotEmpty();
                assertShape(query, result, sql);
            }
        }
        assertThat(queries).isGreaterThan(20);
    }

    /** The selection as Grafana passes it to this dashboard: a list for its multi-value variables, else one value. */
    private static Map<String, VariableValue> asDeclared(JsonNode dashboard, Map<String, VariableValue> variables) {
        Set<String> multi = DashboardCatalog.multiValueVariables(dashboard);
        Set<String> names = DashboardCatalog.variableNames(dashboard);
        Map<String, VariableValue> declared = new HashMap<>();
        variables.forEach((name, value) -> {
            if (names.contains(name)) {
                declared.put(name, new VariableValue(value.values(), multi.contains(name)));
            }
        });
        return declared;
    }

    private static void assertShape(PanelQuery query, Result result, String sql) {
        String what = query.describe() + " (" + result.types() + "):\n" + sql;
        switch (query.panelType()) {
            case "timeseries", "heatmap" -> {
                assertThat(result.types().get(0)).as(what + "\nfirst column is the time").matches(TIME_TYPE);
                assertThat(result.types().subList(1, result.types().size())).as(what + "\nhas numeric values")
                        .anyMatch(t -> NUMERIC_TYPE.matcher(t).matches());
            }
            case "stat" -> {
                assertThat(result.types()).as(what + "\none numeric column").hasSize(1);
                assertThat(result.types().get(0)).as(what).matches(NUMERIC_TYPE);
                assertThat(result.rows()).as(what + "\none row").hasSize(1);
                assertThat(result.rows().get(0).get(0)).as(what + "\na value").isNotNull();
            }
            case "xychart" -> assertThat(result.types()).as(what + "\nx and y are numbers").hasSizeGreaterThan(1)
                    .allMatch(t -> NUMERIC_TYPE.matcher(t).matches());
            case PanelQuery.ANNOTATION -> {
                assertThat(result.types().get(0)).as(what + "\nfirst column is the time").matches(TIME_TYPE);
                assertThat(result.types()).as(what + "\na text column").anyMatch(t -> TEXT_TYPE.matcher(t).matches());
            }
            case "table", PanelQuery.VARIABLE -> assertThat(result.types()).as(what).isNotEmpty();
            default -> throw new AssertionError("no shape rule for panel type " + query.panelType() + ": " + what);
        }
    }

    /**
     * Issue #8: every variable of every dashboard query set to hostile values (a backslash before a quote, a plain
     * quote, a {@code ; DROP}, a UNION reading another table, unicode): each query still runs and gives exactly what
     * a harmless value that no row has gives, which is nothing (aggregates over no rows) except for the dead-letter
     * queries, which by design also count the records not attributable to any model ({@code model_id = ''}). The
     * tables are intact afterwards. Queries without variables are skipped.
     */
    @Test
    void hostileValuesThroughEveryDashboardQueryFindNothingAndRaiseNoError() throws SQLException {
        long alertRows = count("SELECT count() FROM " + DB + ".alerts FINAL");
        int checked = 0;
        for (JsonNode dashboard : DashboardCatalog.load().dashboards().values()) {
            MacroExpander harmless = new MacroExpander(range, asDeclared(dashboard, everyVariableSetTo(NO_SUCH_VALUE)));
            for (PanelQuery query : DashboardCatalog.queries(dashboard)) {
                if (!query.rawSql().contains(":percentencode}")) {
                    continue;
                }
                String harmlessSql = harmless.expand(query.rawSql());
                Result expected = run(query, harmlessSql);
                if (!query.rawSql().contains(DB + ".dead_letters")) {
                    for (List<Object> row : expected.rows()) {
                        assertThat(row).as(query.describe() + " finds nothing:\n" + harmlessSql)
                                .allMatch(DashboardQueriesITCase::isEmptyAggregate);
                    }
                }
                for (String hostile : HOSTILE_VALUES) {
                    String sql = new MacroExpander(range, asDeclared(dashboard, everyVariableSetTo(hostile)))
                            .expand(query.rawSql());
                    assertThat(run(query, sql).rows()).as(query.describe() + " with " + hostile + ":\n" + sql)
                            .isEqualTo(expected.rows());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(20 * HOSTILE_VALUES.size());
        assertThat(count("SELECT count() FROM " + DB + ".volume FINAL")).isEqualTo(volumeRows);
        assertThat(count("SELECT count() FROM " + DB + ".alerts FINAL")).isEqualTo(alertRows);
    }

    private static Map<String, VariableValue> everyVariableSetTo(String value) {
        Map<String, VariableValue> all = new HashMap<>();
        for (String name : List.of("model", "version", "segment", "feature", "test")) {
            all.put(name, VariableValue.single(value));
        }
        return all;
    }

    /** The decoded literal is exactly the value, for single values and for the multi-value form ({@code ,a,b,}). */
    @Test
    void percentEncodedValuesDecodeExactlyInClickHouse() throws SQLException {
        for (String hostile : HOSTILE_VALUES) {
            MacroExpander single = new MacroExpander(range, Map.of("v", VariableValue.single(hostile)));
            assertThat(text(single.expand("SELECT decodeURLComponent('${v:percentencode}')"))).isEqualTo(hostile);
            MacroExpander multi = new MacroExpander(range, Map.of("v", VariableValue.multi(List.of(hostile, "v2"))));
            assertThat(text(multi.expand(
                    "SELECT decodeURLComponent(replaceRegexpAll('${v:percentencode}', '^%7B|%7D$', '%2C'))")))
                    .isEqualTo("," + hostile + ",v2,");
        }
    }

    /** A real model among hostile multi-value selections still matches, and only its own rows. */
    @Test
    void multiValueSelectionMatchesExactlyTheSelectedValues() throws SQLException {
        String rawSql = "SELECT count() FROM " + DB + ".volume FINAL WHERE position(decodeURLComponent(replaceRegexpAll("
                + "'${model:percentencode}', '^%7B|%7D$', '%2C')), concat(',', model_id, ',')) > 0";
        long drifting = count("SELECT count() FROM " + DB + ".volume FINAL WHERE model_id = '"
                + PipelineTables.DRIFTING_MODEL + "'");
        List<String> selection = new ArrayList<>(HOSTILE_VALUES);
        selection.add(PipelineTables.DRIFTING_MODEL);
        MacroExpander expander = new MacroExpander(range, Map.of("model", VariableValue.multi(selection)));
        assertThat(count(expander.expand(rawSql))).isPositive().isEqualTo(drifting);
    }

    @Test
    void unformattedVariableWouldBeInjectable() throws SQLException {
        MacroExpander hostile = new MacroExpander(range, Map.of("model", VariableValue.single("x' OR 1=1 --")));
        String sql = hostile.expand("SELECT count() FROM " + DB + ".volume FINAL WHERE model_id = '$model'");
        assertThat(count(sql)).as("OR 1=1 ran: " + sql).isEqualTo(volumeRows);
    }

    /**
     * Why the dashboards percent-encode: Grafana's quoting formats escape quotes but not backslashes, and ClickHouse
     * reads {@code \'} as an escaped quote, so through {@code sqlstring} a value with a backslash before its quote
     * closes the literal (OR 1=1 ran). If this ever stops holding, the README can say so.
     */
    @Test
    void backslashBeforeQuoteStillDefeatsSqlstringWhichIsWhyDashboardsPercentEncode() throws SQLException {
        MacroExpander hostile = new MacroExpander(range, Map.of("model", VariableValue.single(BACKSLASH_QUOTE)));
        String sql = hostile.expand("SELECT count() FROM " + DB + ".volume FINAL WHERE model_id = ${model:sqlstring}");
        assertThat(sql).endsWith("model_id = 'x\\'' OR 1=1 --'");
        assertThat(count(sql)).isEqualTo(volumeRows);
        String safe = hostile.expand("SELECT count() FROM " + DB + ".volume FINAL WHERE model_id = "
                + "decodeURLComponent('${model:percentencode}')");
        assertThat(count(safe)).isZero();
    }

    /** What an aggregate over no rows gives: null, zero, NaN, an empty string, an empty array or the epoch. */
    private static boolean isEmptyAggregate(Object cell) {
        if (cell == null) {
            return true;
        }
        if (cell instanceof Number n) {
            return n.doubleValue() == 0 || Double.isNaN(n.doubleValue());
        }
        if (cell instanceof CharSequence s) {
            return s.isEmpty();
        }
        if (cell instanceof java.sql.Array a) {
            try {
                return java.lang.reflect.Array.getLength(a.getArray()) == 0;
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }
        if (cell instanceof java.time.temporal.TemporalAccessor t
                && t.isSupported(java.time.temporal.ChronoField.YEAR)) {
            return t.get(java.time.temporal.ChronoField.YEAR) == EPOCH_YEAR;
        }
        return false;
    }

    private String text(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private double value(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getDouble(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private Result run(PanelQuery query, String sql) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> types = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                types.add(meta.getColumnTypeName(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= types.size(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return new Result(types, rows);
        } catch (SQLException e) {
            throw new AssertionError((query == null ? sql : query.describe()) + " failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    private record Result(List<String> types, List<List<Object>> rows) {
    }
}
