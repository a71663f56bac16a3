package io.driftwatch.app.cluster;

import io.driftwatch.alerting.notify.PagerDutyReceiver;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cluster runs' rules file: one latency rule on {@link KnownTraffic}'s spike (fires on window
 * {@value KnownTraffic#SPIKE_FROM}, resolves on window {@value KnownTraffic#SPIKE_TO}) paging a local PagerDuty
 * receiver, and what a receiver got, per dedup key.
 */
final class AlertRules {

    static final String RULE = "fraud-latency-p99";
    /** PagerDuty routing keys are 32 characters; the receiver checks it. */
    static final String ROUTING_KEY = "R0ut1ngKeyF0rTheClusterITCase000";
    /** The alerts table's rendered {@code kind} cells (see {@link ResultTables}). */
    private static final String FIRED = " | fired | ";
    private static final String RESOLVED = " | resolved | ";

    private AlertRules() {}

    /** Writes the routing key file and the rules file into {@code dir}; returns the rules file. */
    static Path write(Path dir, URI receiver) throws IOException {
        Path key = dir.resolve("pd-routing-key");
        Files.writeString(key, ROUTING_KEY + "\n", StandardCharsets.UTF_8);
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                notifiers:
                  - name: pagerduty-it
                    type: pagerduty
                    routing_key: ${file:%s}
                    url: %s
                rules:
                  - name: %s
                    description: the fraud model answers slowly
                    selector: {metric: latency, model: fraud}
                    condition: {value: p99, op: ">", threshold: %d}
                    severity: critical
                    routes: [pagerduty-it]
                """.formatted(key, receiver, RULE, KnownTraffic.LATENCY_ALERT_MILLIS), StandardCharsets.UTF_8);
        return rules;
    }

    /** Accepted PagerDuty events per dedup key: their actions in arrival order. */
    static Map<String, List<String>> pagesByDedupKey(PagerDutyReceiver receiver) {
        Map<String, List<String>> pages = new TreeMap<>();
        for (PagerDutyReceiver.Received r : receiver.accepted()) {
            pages.computeIfAbsent(r.dedupKey(), k -> new ArrayList<>()).add(r.action());
        }
        return pages;
    }

    /** How many of the alerts table's rows ({@link ResultTables} rendering) are sent to PagerDuty (not reminders). */
    static int pagedEvents(List<String> alertRows) {
        return (int) alertRows.stream().filter(row -> row.contains(FIRED) || row.contains(RESOLVED)).count();
    }

    /** How many of the alerts table's rows are triggers. */
    static int firedEvents(List<String> alertRows) {
        return (int) alertRows.stream().filter(row -> row.contains(FIRED)).count();
    }
}
