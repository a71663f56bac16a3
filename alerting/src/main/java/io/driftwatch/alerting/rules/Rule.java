package io.driftwatch.alerting.rules;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One alert rule, as validated from a rules file (see RULES.md for the file format).
 *
 * @param name             unique within the file; part of every dedup key
 * @param forWindows       consecutive breaching windows before the alert fires (≥ 1)
 * @param resolveAfter     consecutive clean windows before a firing alert resolves (≥ 1)
 * @param dashboard        link to a dashboard; {@link LinkTemplate#NONE} for none
 * @param routes           names of notifiers that receive this rule's alerts (at least one)
 * @param groupBy          events of one window with equal values of these fields are delivered together
 * @param renotifyInterval event time after which a still-firing alert is announced again; ZERO = never
 * @param correction       multiple-testing correction across the selected series of one window
 * @param evaluateAfter    event time after a window's end at which the stream judges the window; for revised rows
 *                         (label metrics) the latest revision emitted by then is judged, later ones are not
 */
public record Rule(String name, String description, Selector selector, Condition condition, int forWindows,
                   int resolveAfter, Severity severity, Map<String, String> labels, String runbookUrl,
                   LinkTemplate dashboard, List<String> routes, List<GroupField> groupBy, Duration renotifyInterval,
                   Correction correction, Duration evaluateAfter) {

    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(runbookUrl, "runbookUrl");
        Objects.requireNonNull(dashboard, "dashboard");
        Objects.requireNonNull(renotifyInterval, "renotifyInterval");
        Objects.requireNonNull(correction, "correction");
        Objects.requireNonNull(evaluateAfter, "evaluateAfter");
        if (name.isBlank()) {
            throw new IllegalArgumentException("rule name is blank");
        }
        if (forWindows < 1 || resolveAfter < 1) {
            throw new IllegalArgumentException("rule " + name + ": for and resolve_after must be >= 1, got "
                    + forWindows + " and " + resolveAfter);
        }
        if (evaluateAfter.isNegative()) {
            throw new IllegalArgumentException("rule " + name + ": evaluate_after is negative");
        }
        if (renotifyInterval.isNegative()) {
            throw new IllegalArgumentException("rule " + name + ": renotify_interval is negative");
        }
        if (correction != Correction.NONE && !(condition instanceof Condition.Threshold t
                && t.value().equals(MetricFamily.P_VALUE))) {
            throw new IllegalArgumentException("rule " + name + ": a correction needs a p_value condition");
        }
        labels = Map.copyOf(labels);
        routes = List.copyOf(routes);
        groupBy = List.copyOf(groupBy);
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("rule " + name + " has no routes");
        }
    }
}
