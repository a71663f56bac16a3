package io.driftwatch.dashboards.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rules every shipped dashboard keeps: stable uids, datasource by uid, units, FINAL, percent-encoded variables. */
class DashboardConventionsTest {

    private static final Pattern RESULT_TABLE = Pattern.compile(
            "FROM driftwatch\\.(feature_drift|volume|latency|data_quality|dead_letters|baselines|predictions_raw|performance"
            + "|reliability|change_points|alerts)(\\s+FINAL)?");
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{?(?!__)(\\w+)(:\\w+)?}?");
    /** The two allowed forms (generate_dashboards.py one_of / value_of): group 1 multi-value, group 2 single. */
    private static final Pattern SAFE_REFERENCE = Pattern.compile(
            Pattern.quote("decodeURLComponent(replaceRegexpAll('${") + "(\\w+)" + Pattern.quote(
                    ":percentencode}', '^%7B|%7D$', '%2C'))")
            + "|" + Pattern.quote("decodeURLComponent('${") + "(\\w+)" + Pattern.quote(":percentencode}')"));

    private final Map<String, JsonNode> dashboards = DashboardCatalog.load().dashboards();

    @Test
    void uidsAreStableAndUnique() {
        assertThat(dashboards.values().stream().map(d -> d.path("uid").asText())).containsExactly(
                "driftwatch-fleet", "driftwatch-model", "driftwatch-feature-drift", "driftwatch-data-quality",
                "driftwatch-calibration", "driftwatch-alerts");
    }

    @Test
    void datasourceIsAVariableDefaultingToTheProvisionedUid() {
        dashboards.forEach((file, d) -> {
            JsonNode first = d.path("templating").path("list").get(0);
            assertThat(first.path("type").asText()).as(file).isEqualTo("datasource");
            assertThat(first.path("query").asText()).as(file).isEqualTo(DashboardCatalog.DATASOURCE_TYPE);
            assertThat(first.path("current").path("value").asText()).as(file)
                    .isEqualTo(DashboardCatalog.DATASOURCE_UID);
        });
    }

    @Test
    void everyPanelAndTargetReferencesTheDatasourceVariableByUid() {
        dashboards.forEach((file, d) -> DashboardCatalog.panels(d).stream()
                .filter(p -> !"text".equals(p.path("type").asText())).forEach(panel -> {
                    assertDatasourceRef(file, panel.path("datasource"));
                    panel.path("targets").forEach(t -> assertDatasourceRef(file, t.path("datasource")));
                }));
    }

    private static void assertDatasourceRef(String file, JsonNode ref) {
        assertThat(ref.path("uid").asText()).as(file).isEqualTo("${datasource}");
        assertThat(ref.path("type").asText()).as(file).isEqualTo(DashboardCatalog.DATASOURCE_TYPE);
        assertThat(ref.has("id")).as(file + ": never a numeric datasource id").isFalse();
    }

    @Test
    void dataPanelsHaveUnitsAndStatPanelsThresholds() {
        dashboards.forEach((file, d) -> DashboardCatalog.panels(d).stream()
                .filter(p -> !"text".equals(p.path("type").asText())).forEach(panel -> {
                    JsonNode defaults = panel.path("fieldConfig").path("defaults");
                    String name = file + " / " + panel.path("title").asText();
                    assertThat(defaults.path("unit").asText()).as(name).isNotEmpty();
                    if ("stat".equals(panel.path("type").asText())) {
                        assertThat(defaults.path("thresholds").path("steps").size()).as(name).isGreaterThan(1);
                    }
                }));
    }

    @Test
    void panelQueriesReadResultTablesWithFinalWithinTheTimeRange() {
        List<PanelQuery> panelQueries = DashboardCatalog.load().queries().stream().filter(q -> !q.isVariable()).toList();
        assertThat(panelQueries).hasSizeGreaterThan(DashboardCatalog.FILES.size());
        for (PanelQuery q : panelQueries) {
            Matcher m = RESULT_TABLE.matcher(q.rawSql());
            assertThat(m.find()).as(q.describe()).isTrue();
            do {
                assertThat(m.group(2)).as(q.describe() + " reads " + m.group(1) + " with FINAL").isNotNull();
            } while (m.find());
            assertThat(q.rawSql()).as(q.describe()).containsPattern("\\$__timeFilter\\((window_start|window_end|record_time|detected_at)\\)");
        }
    }

    @Test
    void modelAndCalibrationDashboardsAnnotateAlertEventsThroughTheDatasourceVariable() {
        for (String file : List.of("model.json", "calibration.json", "alerts.json")) {
            List<JsonNode> annotations = new java.util.ArrayList<>();
            dashboards.get(file).path("annotations").path("list").forEach(annotations::add);
            assertThat(annotations).as(file).anySatisfy(a -> {
                assertThat(a.path("name").asText()).isEqualTo("Alerts");
                assertDatasourceRef(file, a.path("datasource"));
                assertDatasourceRef(file, a.path("target").path("datasource"));
                assertThat(a.path("target").path("rawSql").asText()).contains("FROM driftwatch.alerts FINAL");
            });
        }
    }

    @Test
    void alertEventsTableLinksToTheAlertsDashboardUrlRunbookAndModel() {
        JsonNode table = DashboardCatalog.panels(dashboards.get("alerts.json")).stream()
                .filter(p -> p.path("title").asText().equals("Alert events")).findFirst().orElseThrow();
        List<String> urls = new java.util.ArrayList<>();
        table.path("fieldConfig").path("overrides").forEach(o -> o.path("properties").forEach(p -> {
            if (p.path("id").asText().equals("links")) {
                p.path("value").forEach(l -> urls.add(l.path("url").asText()));
            }
        }));
        assertThat(urls).contains("${__data.fields.dashboard_url}", "${__value.raw}")
                .anyMatch(u -> u.startsWith("/d/driftwatch-model/"));
    }

    /**
     * Every variable is percent-encoded by Grafana and decoded by ClickHouse, in the single- or multi-value form its
     * declaration needs (issue #8: the quoting formats let {@code \'} close the literal). Removing the allowed forms
     * must leave no variable reference, and no quoting or raw format may appear anywhere.
     */
    @Test
    void everyTemplateVariableIsPercentEncodedAndDecodedInClickHouse() {
        int references = 0;
        for (JsonNode dashboard : dashboards.values()) {
            Set<String> multi = DashboardCatalog.multiValueVariables(dashboard);
            for (PanelQuery q : DashboardCatalog.queries(dashboard)) {
                assertThat(q.rawSql()).as(q.describe()).doesNotContainIgnoringCase(":sqlstring")
                        .doesNotContainIgnoringCase(":singlequote").doesNotContainIgnoringCase(":raw")
                        .doesNotContainIgnoringCase(":doublequote").doesNotContain("[[");
                Matcher m = SAFE_REFERENCE.matcher(q.rawSql());
                while (m.find()) {
                    references++;
                    String name = m.group(1) != null ? m.group(1) : m.group(2);
                    assertThat(m.group(1) != null).as(q.describe() + ": " + name + " used in the form for "
                            + (multi.contains(name) ? "multi" : "single") + " values").isEqualTo(multi.contains(name));
                }
                Matcher rest = VARIABLE_REFERENCE.matcher(SAFE_REFERENCE.matcher(q.rawSql()).replaceAll(""));
                boolean unsafe = rest.find();
                assertThat(unsafe).as(q.describe() + ": variable outside decodeURLComponent(percentencode): "
                        + (unsafe ? rest.group() : "")).isFalse();
            }
        }
        assertThat(references).as("the dashboards do use variables").isGreaterThan(20);
    }

    /** A custom all value (e.g. {@code .*}) would reach the multi-value form instead of the list of all values. */
    @Test
    void multiValueVariablesPassAllAsTheListOfValues() {
        for (JsonNode dashboard : dashboards.values()) {
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                if (variable.path("multi").asBoolean(false)) {
                    assertThat(variable.path("allValue").asText("")).as(dashboard.path("uid").asText() + " "
                            + variable.path("name").asText()).isEmpty();
                }
            }
        }
    }

    @Test
    void conventionCheckRejectsQuotedAndBareVariables() {
        for (String unsafe : List.of("m = ${model:sqlstring}", "m = '$model'", "m = '${model}'",
                "m = decodeURLComponent('${model:raw}')")) {
            assertThat(VARIABLE_REFERENCE.matcher(SAFE_REFERENCE.matcher(unsafe).replaceAll("")).find()).as(unsafe)
                    .isTrue();
        }
        assertThat(VARIABLE_REFERENCE.matcher(SAFE_REFERENCE.matcher(
                "m = decodeURLComponent('${model:percentencode}')").replaceAll("")).find()).isFalse();
    }
}
