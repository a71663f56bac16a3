package io.driftwatch.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.alerting.eval.AlertEvent;
import io.driftwatch.alerting.eval.DedupKeys;
import io.driftwatch.alerting.eval.Evaluator;
import io.driftwatch.alerting.eval.MetricObservation;
import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.rules.MetricFamily;
import io.driftwatch.alerting.rules.RuleSet;
import io.driftwatch.alerting.rules.RulesParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our Alertmanager notifier against a real Alertmanager: alerts posted to {@code /api/v2/alerts} come out of
 * Alertmanager's webhook receiver (our local HTTP server) grouped, first firing, then resolved.
 */
class AlertmanagerITCase {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void firingThenResolvedArriveAtTheWebhookReceiver() throws Exception {
        try (CapturingServer webhook = new CapturingServer()) {
            String config = """
                    route:
                      receiver: driftwatch-test
                      group_by: [alertname]
                      group_wait: 100ms
                      group_interval: 500ms
                      repeat_interval: 1h
                    receivers:
                      - name: driftwatch-test
                        webhook_configs:
                          - url: %s
                            send_resolved: true
                    """.formatted(webhook.url("/am-hook"));
            AlertmanagerProcess am = AlertmanagerProcess.start(config, dir);
            try {
                deliverAndAssert(am, webhook);
            } finally {
                am.close();
            }
            assertThat(am.isAlive()).as("Alertmanager stopped").isFalse();
        }
    }

    private void deliverAndAssert(AlertmanagerProcess am, CapturingServer webhook) throws Exception {
        RuleSet rules = RulesParser.parse("""
                notifiers:
                  - {name: am, type: alertmanager, url: "%s"}
                rules:
                  - name: latency-p99
                    description: p99 latency above 250 ms
                    selector: {metric: latency}
                    condition: {value: p99, op: ">", threshold: 250}
                    severity: critical
                    labels: {team: serving}
                    runbook_url: https://runbooks.example.com/latency
                    routes: [am]
                    group_by: [rule]
                """.formatted(am.url()), "am.yaml");
        Evaluator evaluator = new Evaluator(rules);
        DeliveryLog log = new DeliveryLog();
        Dispatcher dispatcher = new Dispatcher(Notifiers.createAll(rules, TestContexts.context(Map.of(), log)));
        // event time shortly before now, as a live stream's windows are
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(WINDOW.multipliedBy(3));

        List<AlertEvent> fired = evaluator.evaluate(List.of(row("fraud", t0, 400), row("churn", t0, 300)));
        assertThat(fired).hasSize(2);
        assertThat(dispatcher.dispatch(evaluator.group(fired)).get(DELIVERY_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .singleElement().satisfies(r -> assertThat(r.delivered()).as(log.attempts().toString()).isTrue());

        JsonNode firing = awaitNotification(webhook, "firing", 2);
        assertThat(firing.get("groupLabels").get("alertname").asText()).isEqualTo("latency-p99");
        assertThat(firing.get("alerts")).hasSize(2);
        JsonNode fraud = alertOf(firing, "fraud");
        assertThat(fraud.get("status").asText()).isEqualTo("firing");
        assertThat(fraud.get("labels").get("severity").asText()).isEqualTo("critical");
        assertThat(fraud.get("labels").get("team").asText()).isEqualTo("serving");
        assertThat(fraud.get("labels").get("dedup_key").asText())
                .isEqualTo(DedupKeys.of("latency-p99", new SeriesKey("fraud", "v1", "", "")));
        assertThat(fraud.get("annotations").get("summary").asText())
                .isEqualTo("[FIRING] latency-p99 fraud/v1: p99=400 (p99 > 250.0)");
        assertThat(fraud.get("annotations").get("runbook_url").asText()).isEqualTo("https://runbooks.example.com/latency");
        assertThat(Instant.parse(fraud.get("startsAt").asText())).isEqualTo(t0.plus(WINDOW));

        Instant t1 = t0.plus(WINDOW);
        List<AlertEvent> resolved = evaluator.evaluate(List.of(row("fraud", t1, 100), row("churn", t1, 90)));
        assertThat(resolved).hasSize(2);
        assertThat(dispatcher.dispatch(evaluator.group(resolved)).get(DELIVERY_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .singleElement().satisfies(r -> assertThat(r.delivered()).isTrue());

        JsonNode done = awaitNotification(webhook, "resolved", 2);
        assertThat(done.get("alerts")).hasSize(2).allSatisfy(a -> {
            assertThat(a.get("status").asText()).isEqualTo("resolved");
            assertThat(Instant.parse(a.get("endsAt").asText())).isEqualTo(t1.plus(WINDOW));
        });
        // Alertmanager may flush a group before all its alerts arrived (group_wait is short here), so several
        // firing notifications can precede the resolved one; never a resolved one before a firing one.
        List<String> statuses = new ArrayList<>();
        notifications(webhook).forEach(n -> {
            String status = n.get("status").asText();
            if (statuses.isEmpty() || !statuses.get(statuses.size() - 1).equals(status)) {
                statuses.add(status);
            }
        });
        assertThat(statuses).containsExactly("firing", "resolved");
    }

    private static MetricObservation row(String model, Instant start, double p99) {
        return new MetricObservation(MetricFamily.LATENCY, new SeriesKey(model, "v1", "", ""), "", start,
                start.plus(WINDOW), Map.of("p99", p99), false, "");
    }

    /** The first notification with this status carrying all {@code alerts} alerts of the group. */
    private static JsonNode awaitNotification(CapturingServer webhook, String status, int alerts) {
        return await("Alertmanager webhook with status " + status + " and " + alerts + " alerts")
                .atMost(DELIVERY_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> notifications(webhook).stream().filter(n -> n.get("status").asText().equals(status)
                        && n.get("alerts").size() == alerts).findFirst().orElse(null), n -> n != null);
    }

    private static List<JsonNode> notifications(CapturingServer webhook) {
        List<JsonNode> out = new ArrayList<>();
        for (CapturingServer.Request r : webhook.requests()) {
            try {
                out.add(MAPPER.readTree(r.body()));
            } catch (IOException e) {
                throw new AssertionError("Alertmanager sent non-JSON: " + r.body(), e);
            }
        }
        return out;
    }

    private static JsonNode alertOf(JsonNode notification, String model) {
        for (JsonNode a : notification.get("alerts")) {
            if (a.get("labels").get("model").asText().equals(model)) {
                return a;
            }
        }
        throw new AssertionError("no alert for " + model + " in " + notification);
    }
}
