package io.driftwatch.schemas.tables;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A row of {@code alerts} (V0020): one alert event (fired, reminder, resolved) of one rule and series in one
 * window, with the numbers behind it. NaN {@code pValue}/{@code adjustedPValue} are stored as NULL;
 * {@code emittedAt} is the replacing version (a replay after a restart writes the same row again, later).
 *
 * @param window      the series' model, version and segment and the window that caused the event
 * @param feature     feature or model output; "" for model-level metrics
 * @param dedupKey    SHA-256 hex of rule and series, as sent to PagerDuty and Alertmanager
 * @param firingSince end of the window that fired the alert
 */
public record AlertRow(String rule, WindowKey window, String feature, AlertKind kind, String dedupKey,
                       AlertSeverity severity, String metric, String test, String condition, String valueName,
                       double value, double threshold, double statistic, double pValue, double adjustedPValue,
                       String baseline, Instant firingSince, Map<String, String> labels, List<String> routes,
                       String summary, String dashboardUrl, String runbookUrl, Instant emittedAt) {

    public static final TableSpec TABLE = new TableSpec("alerts", Rows.concat(List.of("rule"), WindowKey.COLUMNS,
            List.of("feature", "kind", "dedup_key", "severity", "metric", "test", "condition", "value_name", "value",
                    "threshold", "statistic", "p_value", "adjusted_p_value", "baseline", "firing_since", "labels",
                    "routes", "summary", "dashboard_url", "runbook_url", "emitted_at")));

    /** @throws IllegalArgumentException on a blank rule, metric or dedup key */
    public AlertRow {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(valueName, "valueName");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(firingSince, "firingSince");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(dashboardUrl, "dashboardUrl");
        Objects.requireNonNull(runbookUrl, "runbookUrl");
        Objects.requireNonNull(emittedAt, "emittedAt");
        if (rule == null || rule.isBlank() || metric == null || metric.isBlank() || dedupKey == null || dedupKey.isBlank()) {
            throw new IllegalArgumentException("an alert row needs a rule, a metric and a dedup key");
        }
        labels = Map.copyOf(labels);
        routes = List.copyOf(routes);
    }

    /** Binds this row in {@link #TABLE}'s column order. */
    public void bind(PreparedStatement statement) throws SQLException {
        new Bindings(statement).text(rule).window(window).text(feature).sqlEnum(kind).text(dedupKey).sqlEnum(severity)
                .text(metric).text(test).text(condition).text(valueName).real(value).real(threshold).real(statistic)
                .nullableReal(pValue).nullableReal(adjustedPValue).text(baseline).time(firingSince)
                .object(new TreeMap<>(labels)).object(routes.toArray(new String[0])).text(summary).text(dashboardUrl)
                .text(runbookUrl).time(emittedAt);
    }
}
