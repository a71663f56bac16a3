package io.driftwatch.dashboards.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rules every shipped dashboard keeps: stable uids, datasource by uid, units, FINAL, quoted variables. */
class DashboardConventionsTest {

    private static final Pattern RESULT_TABLE = Pattern.compile(
            "FROM driftwatch\\.(feature_drift|volume|latency|data_quality|dead_letters|baselines|predictions_raw|performance"
            + "|reliability|change_points|alerts)(\\s+FINAL)?");
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{?(?!__)(\\w+)(:\\w+)?}?");

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

    @Test
    void everyTemplateVariableIsQuotedWithSqlstring() {
        for (PanelQuery q : DashboardCatalog.load().queries()) {
            Matcher m = VARIABLE_REFERENCE.matcher(q.rawSql());
            while (m.find()) {
                assertThat(m.group()).as(q.describe()).isEqualTo("${" + m.group(1) + ":sqlstring}");
            }
        }
    }
}
