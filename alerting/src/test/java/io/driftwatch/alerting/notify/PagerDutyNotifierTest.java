package io.driftwatch.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.alerting.eval.AlertEvent;
import io.driftwatch.alerting.eval.AlertGroup;
import io.driftwatch.alerting.eval.Evaluator;
import io.driftwatch.alerting.eval.EventKind;
import io.driftwatch.alerting.eval.MetricObservation;
import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.rules.MetricFamily;
import io.driftwatch.alerting.rules.RuleSet;
import io.driftwatch.alerting.rules.RulesParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagerDutyNotifierTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final long WAIT_SECONDS = 30;

    private PagerDutyReceiver receiver;
    private final DeliveryLog log = new DeliveryLog();

    @BeforeEach
    void start() throws Exception {
        receiver = new PagerDutyReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private RuleSet rules() {
        return RulesParser.parse("""
                notifiers:
                  - name: pd
                    type: pagerduty
                    url: %s
                    routing_key: ${env:PD_KEY}
                    client_url: https://driftwatch.example.com
                rules:
                  - name: latency-p99
                    description: p99 latency too high
                    selector: {metric: latency}
                    condition: {value: p99, op: ">", threshold: 250}
                    for: 2
                    resolve_after: 1
                    severity: critical
                    runbook_url: https://runbooks.example.com/latency
                    dashboard: "https://grafana.example.com/d/lat?var-model={model}&from={window_start_ms}"
                    routes: [pd]
                    group_by: [rule]
                """.formatted(receiver.url()), "pd.yaml");
    }

    private static MetricObservation row(String model, int window, double p99) {
        return new MetricObservation(MetricFamily.LATENCY, new SeriesKey(model, "v1", "", ""), "",
                T0.plus(WINDOW.multipliedBy(window)), T0.plus(WINDOW.multipliedBy(window + 1)), Map.of("p99", p99),
                false, "");
    }

    /** Three models breach in windows 0..1 (fire at 1), are clean in window 2 (resolve). */
    private static List<List<MetricObservation>> windows() {
        List<List<MetricObservation>> windows = new ArrayList<>();
        double[] p99 = {400, 410, 100};
        for (int w = 0; w < p99.length; w++) {
            List<MetricObservation> rows = new ArrayList<>();
            for (String model : List.of("fraud", "churn", "ltv")) {
                rows.add(row(model, w, p99[w]));
            }
            windows.add(rows);
        }
        return windows;
    }

    private List<DeliveryResult> runPipeline(RuleSet rules, Map<String, String> env) throws Exception {
        Evaluator evaluator = new Evaluator(rules);
        Dispatcher dispatcher = new Dispatcher(Notifiers.createAll(rules, TestContexts.context(env, log)));
        List<DeliveryResult> results = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<List<DeliveryResult>>> pending = new ArrayList<>();
        for (List<MetricObservation> window : windows()) {
            List<AlertEvent> events = evaluator.evaluate(window);
            List<AlertGroup> groups = evaluator.group(events);
            pending.add(dispatcher.dispatch(groups));
        }
        for (var p : pending) {
            results.addAll(p.get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void oneTriggerPerSeriesThenResolveInOrderWithRetriesHonoured() throws Exception {
        receiver.enqueueFault(new PagerDutyReceiver.Fault(429, "1", "{\"status\":\"throttled\",\"message\":\"slow down\"}"));
        receiver.enqueueFault(new PagerDutyReceiver.Fault(503, null, "unavailable"));
        receiver.enqueueFault(new PagerDutyReceiver.Fault(500, null, "{\"status\":\"error\",\"message\":\"oops\"}"));

        List<DeliveryResult> results = runPipeline(rules(), Map.of("PD_KEY", TestContexts.ROUTING_KEY));

        assertThat(results).hasSize(6).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(DeliveryOutcome.DELIVERED));
        assertThat(receiver.received()).allSatisfy(r -> assertThat(r.errors()).as(r.rawBody()).isEmpty());

        List<PagerDutyReceiver.Received> accepted = receiver.accepted();
        Map<String, List<String>> actionsByKey = accepted.stream().collect(Collectors.groupingBy(
                PagerDutyReceiver.Received::dedupKey, java.util.LinkedHashMap::new,
                Collectors.mapping(PagerDutyReceiver.Received::action, Collectors.toList())));
        assertThat(actionsByKey).hasSize(3)
                .allSatisfy((key, actions) -> assertThat(actions).containsExactly("trigger", "resolve"));
        // every trigger of the window precedes every resolve of the later window
        int lastTrigger = 0;
        int firstResolve = Integer.MAX_VALUE;
        for (int i = 0; i < accepted.size(); i++) {
            if (accepted.get(i).action().equals("trigger")) {
                lastTrigger = i;
            } else {
                firstResolve = Math.min(firstResolve, i);
            }
        }
        assertThat(lastTrigger).isLessThan(firstResolve);

        // the first trigger: 429 (Retry-After 1 s), 503, 500, then 202, all for the same dedup_key
        List<PagerDutyReceiver.Received> all = receiver.received();
        assertThat(all.subList(0, 4)).extracting(PagerDutyReceiver.Received::status).containsExactly(429, 503, 500, 202);
        assertThat(all.subList(0, 4)).extracting(PagerDutyReceiver.Received::dedupKey).containsOnly(all.get(0).dedupKey());
        assertThat(Duration.between(all.get(0).at(), all.get(1).at())).as("Retry-After honoured")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        List<DeliveryAttempt> attempts = log.attempts();
        assertThat(attempts.subList(0, 4)).extracting(DeliveryAttempt::outcome).containsExactly(DeliveryOutcome.RETRYING,
                DeliveryOutcome.RETRYING, DeliveryOutcome.RETRYING, DeliveryOutcome.DELIVERED);
        assertThat(attempts.get(0).retryIn()).isEqualTo(Duration.ofSeconds(1));
        assertThat(attempts.get(0).detail()).contains("slow down");
        assertThat(attempts).hasSize(9);
    }

    @Test
    void triggerBodyCarriesTheNumbersLinksAndIdentity() throws Exception {
        runPipeline(rules(), Map.of("PD_KEY", TestContexts.ROUTING_KEY));
        JsonNode trigger = receiver.accepted().get(0).body();
        assertThat(trigger.get("routing_key").asText()).isEqualTo(TestContexts.ROUTING_KEY);
        JsonNode payload = trigger.get("payload");
        assertThat(payload.get("summary").asText()).isEqualTo("[FIRING] latency-p99 fraud/v1: p99=410 (p99 > 250.0)");
        assertThat(payload.get("severity").asText()).isEqualTo("critical");
        assertThat(payload.get("source").asText()).isEqualTo("driftwatch");
        assertThat(payload.get("timestamp").asText()).isEqualTo("2026-03-01T12:10:00Z");
        assertThat(payload.get("component").asText()).isEqualTo("fraud/v1");
        assertThat(payload.get("group").asText()).isEqualTo("rule=latency-p99");
        assertThat(payload.get("class").asText()).isEqualTo("latency");
        JsonNode details = payload.get("custom_details");
        assertThat(details.get("value").asDouble()).isEqualTo(410.0);
        assertThat(details.get("threshold").asDouble()).isEqualTo(250.0);
        assertThat(details.get("window_start").asText()).isEqualTo("2026-03-01T12:05:00Z");
        assertThat(details.get("window_end").asText()).isEqualTo("2026-03-01T12:10:00Z");
        assertThat(details.has("baseline")).isTrue();
        assertThat(details.get("statistic").isNull()).as("latency rows have no statistic").isTrue();
        assertThat(trigger.get("links").get(0).get("href").asText())
                .isEqualTo("https://grafana.example.com/d/lat?var-model=fraud&from=" + T0.plus(WINDOW).toEpochMilli());
        assertThat(trigger.get("links").get(1).get("href").asText()).isEqualTo("https://runbooks.example.com/latency");
        assertThat(trigger.get("client").asText()).isEqualTo("Driftwatch");
        assertThat(trigger.get("client_url").asText()).isEqualTo("https://driftwatch.example.com");
        assertThat(trigger.get("dedup_key").asText()).hasSize(64);
    }

    @Test
    void badRequestIsLoggedAndNotRetried() throws Exception {
        // a 31-character routing key: the receiver's contract check answers 400
        String shortKey = TestContexts.ROUTING_KEY.substring(1);
        List<DeliveryResult> results = runPipeline(rules(), Map.of("PD_KEY", shortKey));
        assertThat(results).hasSize(6).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(DeliveryOutcome.REJECTED);
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.statusCode()).isEqualTo(400);
        });
        assertThat(receiver.received()).hasSize(6).allSatisfy(r -> assertThat(r.status()).isEqualTo(400));
        assertThat(log.attempts()).hasSize(6).allSatisfy(a -> {
            assertThat(a.outcome()).isEqualTo(DeliveryOutcome.REJECTED);
            assertThat(a.detail()).contains("routing_key must be 32 characters").doesNotContain(shortKey);
        });
    }

    @Test
    void givesUpAfterMaxAttempts() throws Exception {
        for (int i = 0; i < TestContexts.FAST.maxAttempts(); i++) {
            receiver.enqueueFault(new PagerDutyReceiver.Fault(502, null, "bad gateway"));
        }
        List<DeliveryResult> results = runPipeline(rules(), Map.of("PD_KEY", TestContexts.ROUTING_KEY));
        assertThat(results.get(0).outcome()).isEqualTo(DeliveryOutcome.GAVE_UP);
        assertThat(results.get(0).attempts()).isEqualTo(TestContexts.FAST.maxAttempts());
        assertThat(results.subList(1, 6)).allSatisfy(r -> assertThat(r.delivered()).isTrue());
    }

    @Test
    void receiverContractCheckRejectsBadBodies() throws Exception {
        ObjectMapper m = new ObjectMapper();
        String key = TestContexts.ROUTING_KEY;
        assertThat(PagerDutyReceiver.validate(m.readTree("{\"routing_key\":\"" + key + "\",\"event_action\":\"resolve\"}")))
                .containsExactly("dedup_key is required unless event_action is trigger");
        assertThat(PagerDutyReceiver.validate(m.readTree("{\"routing_key\":\"" + key + "\",\"event_action\":\"trigger\"}")))
                .containsExactly("payload is required for trigger events");
        assertThat(PagerDutyReceiver.validate(m.readTree("{\"routing_key\":\"" + key + "\",\"event_action\":\"fire\","
                + "\"dedup_key\":\"" + "x".repeat(256) + "\",\"colour\":1}")))
                .contains("unknown property colour", "dedup_key must be a string of 1 to 255 characters")
                .anySatisfy(e -> assertThat(e).startsWith("event_action is required"));
        String payload = "{\"summary\":\"" + "s".repeat(1025) + "\",\"severity\":\"fatal\",\"timestamp\":\"yesterday\"}";
        assertThat(PagerDutyReceiver.validate(m.readTree("{\"routing_key\":\"" + key + "\",\"event_action\":\"trigger\","
                + "\"payload\":" + payload + ",\"links\":[{\"text\":\"x\"}]}")))
                .contains("payload.summary is longer than 1024 characters", "payload.source is required",
                        "payload.timestamp must be an ISO 8601 date-time", "links items must be objects with href")
                .anySatisfy(e -> assertThat(e).startsWith("payload.severity is required"));
    }

    @Test
    void summaryIsCappedAt1024Characters() {
        assertThat(PagerDutyNotifier.summary("x".repeat(5000))).hasSize(PagerDutyNotifier.MAX_SUMMARY_CHARS).endsWith("…");
        assertThat(PagerDutyNotifier.summary("short")).isEqualTo("short");
    }

    @Test
    void remindersAreNotSentToPagerDuty() throws Exception {
        RuleSet rules = rules();
        var notifier = Notifiers.create(rules.notifier("pd").orElseThrow(),
                TestContexts.context(Map.of("PD_KEY", TestContexts.ROUTING_KEY), log));
        Evaluator evaluator = new Evaluator(rules);
        evaluator.evaluate(windows().get(0));
        List<AlertEvent> fired = evaluator.evaluate(windows().get(1));
        AlertEvent reminder = new AlertEvent(EventKind.REMINDER, fired.get(0).rule(), "", fired.get(0).severity(),
                fired.get(0).family(), fired.get(0).series(), "", fired.get(0).dedupKey(), fired.get(0).windowStart(),
                fired.get(0).windowEnd(), fired.get(0).firingSince(), "c", "p99", 1, 1, 1, 1, 1, "", Map.of(), "", "",
                List.of("pd"));
        assertThat(notifier.deliver(new AlertGroup("latency-p99", Map.of(), "g", List.of(reminder)))
                .get(WAIT_SECONDS, TimeUnit.SECONDS)).isEmpty();
        assertThat(receiver.received()).isEmpty();
    }
}
