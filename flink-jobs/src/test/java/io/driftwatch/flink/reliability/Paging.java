package io.driftwatch.flink.reliability;

import io.driftwatch.alerting.notify.PagerDutyReceiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The failure scenarios' alerting: a rules file paging a local {@link PagerDutyReceiver} (from the alerting
 * module's test-jar; it answers 400 to any body off the Events API v2 contract) when the amount's KS p-value
 * is at most {@value #ALPHA}, and PagerDuty's view of what it received.
 */
final class Paging {

    static final String RULE = "amount-ks-drift";
    /** Far above the drifting windows' KS p-values and far below the clean ones' (60 vs 150 values). */
    static final double ALPHA = 0.001;
    /** Clean windows before an alert resolves (the workload drifts for three windows, then has three clean). */
    static final int RESOLVE_AFTER = 2;
    static final String TRIGGER = "trigger";
    static final String RESOLVE = "resolve";
    /** PagerDuty routing keys are 32 characters. */
    private static final String ROUTING_KEY = "R0ut1ngKeyF0rTheRel1ab1l1tyTests";
    /** Of the 64 hex digits of a dedup key, enough to tell the series of a test apart in a message. */
    private static final int SHOWN_KEY_DIGITS = 8;

    private Paging() {
    }

    /** Writes the routing key and a rules file routed to {@code receiver} into {@code directory}; YAML to add. */
    static String alertingYaml(Path directory, PagerDutyReceiver receiver) throws IOException {
        Files.createDirectories(directory);
        Path key = directory.resolve("pd-routing-key");
        Files.writeString(key, ROUTING_KEY + "\n", StandardCharsets.UTF_8);
        Path rules = directory.resolve("rules.yaml");
        Files.writeString(rules, """
                notifiers:
                  - name: pagerduty-oncall
                    type: pagerduty
                    routing_key: ${file:%s}
                    url: %s
                rules:
                  - name: %s
                    description: amount drifted from its training baseline
                    selector: {metric: feature_drift, feature: amount, test: ks}
                    condition: {value: p_value, op: "<=", threshold: %s}
                    resolve_after: %d
                    severity: critical
                    routes: [pagerduty-oncall]
                """.formatted(key, receiver.url(), RULE, ALPHA, RESOLVE_AFTER), StandardCharsets.UTF_8);
        return "alerting:\n  rules: " + rules + "\n";
    }

    /**
     * Per dedup key, the accepted actions in arrival order with repeats of the same action merged: what PagerDuty
     * makes of them (a trigger while its incident is open joins it, a resolve of a resolved incident does
     * nothing). {@code [trigger, resolve]} is one incident opened and closed; a second {@code trigger} after a
     * resolve would be a second page.
     */
    static Map<String, List<String>> incidents(PagerDutyReceiver receiver) {
        Map<String, List<String>> incidents = new TreeMap<>();
        for (PagerDutyReceiver.Received r : receiver.accepted()) {
            List<String> actions = incidents.computeIfAbsent(r.dedupKey(), k -> new ArrayList<>());
            if (actions.isEmpty() || !actions.get(actions.size() - 1).equals(r.action())) {
                actions.add(r.action());
            }
        }
        return incidents;
    }

    /** Accepted events per dedup key and action, repeats included (for messages and the report). */
    static Map<String, Long> rawCounts(PagerDutyReceiver receiver) {
        Map<String, Long> counts = new TreeMap<>();
        receiver.accepted().forEach(r -> counts.merge(r.dedupKey().substring(0, SHOWN_KEY_DIGITS) + " " + r.action(), 1L, Long::sum));
        return counts;
    }
}
