package io.driftwatch.dashboards.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboards this module ships as classpath resources under {@value #DASHBOARD_FOLDER}, parsed, with their
 * panel and variable queries. Rows ({@code type: row}) are descended into.
 */
public final class DashboardCatalog {

    public static final String DASHBOARD_FOLDER = "grafana/dashboards/";
    /** The dashboard files, in the order the README lists them. */
    public static final List<String> FILES = List.of("fleet-overview.json", "model.json", "feature-drift.json",
            "data-quality.json", "calibration.json", "alerts.json");
    /** Plugin id of the official ClickHouse datasource. */
    public static final String DATASOURCE_TYPE = "grafana-clickhouse-datasource";
    /** Fixed uid of the provisioned datasource. */
    public static final String DATASOURCE_UID = "driftwatch-clickhouse";

    private final Map<String, JsonNode> dashboards;

    private DashboardCatalog(Map<String, JsonNode> dashboards) {
        this.dashboards = dashboards;
    }

    /** Reads every shipped dashboard. @throws UncheckedIOException when one is missing or not JSON */
    public static DashboardCatalog load() {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> byFile = new LinkedHashMap<>();
        for (String file : FILES) {
            try (InputStream in = DashboardCatalog.class.getClassLoader().getResourceAsStream(DASHBOARD_FOLDER + file)) {
                if (in == null) {
                    throw new IOException("missing resource " + DASHBOARD_FOLDER + file);
                }
                byFile.put(file, json.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read dashboard " + file, e);
            }
        }
        return new DashboardCatalog(byFile);
    }

    /** Dashboard JSON by file name, in {@link #FILES} order. */
    public Map<String, JsonNode> dashboards() {
        return java.util.Collections.unmodifiableMap(dashboards);
    }

    /** Every panel target's and query variable's SQL, dashboard by dashboard. */
    public List<PanelQuery> queries() {
        List<PanelQuery> queries = new ArrayList<>();
        dashboards.values().forEach(d -> queries.addAll(queries(d)));
        return queries;
    }

    /** The queries of one dashboard: its query variables first, then its datasource annotations, then every panel target. */
    public static List<PanelQuery> queries(JsonNode dashboard) {
        String uid = dashboard.path("uid").asText();
        List<PanelQuery> queries = new ArrayList<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                queries.add(new PanelQuery(uid, "variable " + variable.path("name").asText(), PanelQuery.VARIABLE,
                        variable.path("name").asText(), variable.path("query").asText()));
            }
        }
        for (JsonNode annotation : dashboard.path("annotations").path("list")) {
            JsonNode target = annotation.path("target");
            if (target.has("rawSql")) {
                queries.add(new PanelQuery(uid, "annotation " + annotation.path("name").asText(), PanelQuery.ANNOTATION,
                        target.path("refId").asText(), target.path("rawSql").asText()));
            }
        }
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(new PanelQuery(uid, panel.path("title").asText(), panel.path("type").asText(),
                        target.path("refId").asText(), target.path("rawSql").asText()));
            }
        }
        return queries;
    }

    /** Names of the dashboard's multi-value template variables (Grafana passes them a list of values). */
    public static java.util.Set<String> multiValueVariables(JsonNode dashboard) {
        return variableNames(dashboard, true);
    }

    /** Names of all the dashboard's template variables. */
    public static java.util.Set<String> variableNames(JsonNode dashboard) {
        return variableNames(dashboard, false);
    }

    private static java.util.Set<String> variableNames(JsonNode dashboard, boolean multiOnly) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (!multiOnly || variable.path("multi").asBoolean(false)) {
                names.add(variable.path("name").asText());
            }
        }
        return java.util.Collections.unmodifiableSet(names);
    }

    /** Every panel, with the panels inside rows in place of the rows. */
    public static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }
}
