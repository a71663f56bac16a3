package io.driftwatch.dashboards.grafana;

/**
 * One query of a dashboard: a panel target ({@code panelType} is the panel's type, {@code refId} the target's) or,
 * with {@code panelType} {@value #VARIABLE}, a query variable's query ({@code refId} is the variable's name), or,
 * with {@code panelType} {@value #ANNOTATION}, a datasource annotation's query (columns time, text, tags).
 */
public record PanelQuery(String dashboardUid, String panelTitle, String panelType, String refId, String rawSql) {

    /** {@link #panelType()} of a template variable's query. */
    public static final String VARIABLE = "variable";
    /** {@link #panelType()} of a dashboard annotation's query. */
    public static final String ANNOTATION = "annotation";

    public boolean isVariable() {
        return VARIABLE.equals(panelType);
    }

    /** {@code dashboard / panel [refId]}, for messages. */
    public String describe() {
        return dashboardUid + " / " + panelTitle + " [" + refId + "]";
    }
}
