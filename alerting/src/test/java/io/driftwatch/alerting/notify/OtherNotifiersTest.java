package io.driftwatch.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.alerting.eval.AlertEvent;
import io.driftwatch.alerting.eval.AlertGroup;
import io.driftwatch.alerting.eval.Evaluator;
import io.driftwatch.alerting.eval.MetricObservation;
import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.rules.MetricFamily;
import io.driftwatch.alerting.rules.RuleSet;
import io.driftwatch.alerting.rules.RulesParser;
import io.driftwatch.alerting.rules.SecretRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OtherNotifiersTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final String HMAC_KEY = "webhook-signing-key-42";
    private static final long WAIT_SECONDS = 30;

    private CapturingServer server;
    private final DeliveryLog log = new DeliveryLog();

    @BeforeEach
    void start() throws Exception {
        server = new CapturingServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RuleSet rules() {
        return RulesParser.parse("""
                notifiers:
                  - {name: slack, type: slack, webhook_url: "${env:SLACK_URL}"}
                  - {name: hook, type: webhook, url: "%s", hmac_secret: "${env:HOOK_KEY}"}
                  - {name: am, type: alertmanager, url: "%s"}
                rules:
                  - name: drift
                    description: Feature drift (KS) after BH correction
                    selector: {metric: feature_drift, test: ks}
                    condition: {value: p_value, op: "<=", threshold: 0.05}
                    correction: benjamini_hochberg
                    severity: warning
                    labels: {team: risk}
                    dashboard: "https://grafana.example.com/d/drift?var-feature={feature}"
                    routes: [slack, hook, am]
                    group_by: [rule, model]
                """.formatted(server.url("/hook"), server.url("/am/")), "other.yaml");
    }

    private static MetricObservation row(String feature, double p) {
        return new MetricObservation(MetricFamily.FEATURE_DRIFT, new SeriesKey("fraud", "v3", "country=DE", feature), "ks",
                T0, T0.plus(Duration.ofMinutes(5)), Map.of("p_value", p, "statistic", 0.31), p < 0.05, "training:7");
    }

    /** BH with m = 3: amount 0.001 * 3 = 0.003, age 0.02 * 3 / 2 = 0.03, zip 0.9; the first two fire. */
    private List<AlertGroup> groups(RuleSet rules) {
        Evaluator evaluator = new Evaluator(rules);
        List<AlertEvent> events = evaluator.evaluate(List.of(row("amount", 0.001), row("age", 0.02), row("zip", 0.9)));
        return evaluator.group(events);
    }

    private Map<String, Notifier> notifiers(RuleSet rules) {
        return Notifiers.createAll(rules, TestContexts.context(
                Map.of("SLACK_URL", server.url("/services/T01/B02/slacktoken123").toString(), "HOOK_KEY", HMAC_KEY), log));
    }

    @Test
    void slackWebhookAndAlertmanagerEachGetOneRequestPerGroup() throws Exception {
        RuleSet rules = rules();
        List<AlertGroup> groups = groups(rules);
        assertThat(groups).singleElement().satisfies(g -> assertThat(g.events()).hasSize(2));
        List<DeliveryResult> results = new Dispatcher(notifiers(rules)).dispatch(groups).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(results).extracting(DeliveryResult::notifier).containsExactlyInAnyOrder("slack", "hook", "am");
        assertThat(results).allSatisfy(r -> assertThat(r.delivered()).isTrue());

        ObjectMapper m = new ObjectMapper();
        CapturingServer.Request slack = only("/services/T01/B02/slacktoken123");
        String text = m.readTree(slack.body()).get("text").asText();
        assertThat(text).startsWith(":rotating_light: *FIRING* `drift` (warning) 2 firing, 0 resolved")
                .contains("firing: *fraud/v3 segment=country=DE feature=amount* p_value = 0.001 (p_value <= 0.05),"
                        + " adjusted p = 0.003, window 2026-03-01T12:00:00Z to 2026-03-01T12:05:00Z, baseline training:7"
                        + " <https://grafana.example.com/d/drift?var-feature=amount|dashboard>")
                .contains("feature=age* p_value = 0.02");

        CapturingServer.Request hook = only("/hook");
        JsonNode body = m.readTree(hook.body());
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("group_key").asText()).isEqualTo("rule=drift,model=fraud");
        assertThat(body.get("events")).hasSize(2);
        assertThat(body.get("events").get(0).get("adjusted_p_value").asDouble()).isEqualTo(0.003);
        assertThat(body.get("events").get(1).get("labels").get("team").asText()).isEqualTo("risk");
        assertThat(hook.header("X-Driftwatch-Signature")).isEqualTo("sha256=" + hmacHex(HMAC_KEY, hook.body()));

        CapturingServer.Request am = only("/am/api/v2/alerts");
        JsonNode alerts = m.readTree(am.body());
        assertThat(alerts).hasSize(2);
        JsonNode alert = alerts.get(0);
        assertThat(alert.get("labels").get("alertname").asText()).isEqualTo("drift");
        assertThat(alert.get("labels").get("segment").asText()).isEqualTo("country=DE");
        assertThat(alert.get("labels").get("team").asText()).isEqualTo("risk");
        assertThat(alert.get("annotations").get("adjusted_p_value").asText()).isEqualTo("0.003");
        assertThat(alert.get("startsAt").asText()).isEqualTo("2026-03-01T12:05:00Z");
        assertThat(alert.has("endsAt")).as("firing alerts leave endsAt to Alertmanager").isFalse();
        assertThat(alert.get("generatorURL").asText()).isEqualTo("https://grafana.example.com/d/drift?var-feature=amount");
    }

    private CapturingServer.Request only(String path) {
        List<CapturingServer.Request> matching = server.requests().stream().filter(r -> r.path().equals(path)).toList();
        assertThat(matching).as(path).hasSize(1);
        assertThat(matching.get(0).header("Content-Type")).isEqualTo("application/json");
        return matching.get(0);
    }

    /** RFC 4231 test case 2: HMAC-SHA256 with key "Jefe". */
    @Test
    void hmacMatchesRfc4231() {
        Secret jefe = new Secret(new SecretRef(SecretRef.Source.ENV, "K"), "Jefe");
        assertThat(WebhookNotifier.sign(jefe, "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    private static String hmacHex(String key, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void orderIsKeptPerNotifierAcrossDispatches() throws Exception {
        RuleSet rules = rules();
        Dispatcher dispatcher = new Dispatcher(notifiers(rules));
        server.answerNext(new CapturingServer.Answer(503, "busy"));
        Evaluator evaluator = new Evaluator(rules);
        var first = dispatcher.dispatch(evaluator.group(evaluator.evaluate(List.of(row("amount", 0.001)))));
        MetricObservation clean = new MetricObservation(MetricFamily.FEATURE_DRIFT,
                new SeriesKey("fraud", "v3", "country=DE", "amount"), "ks", T0.plus(Duration.ofMinutes(5)),
                T0.plus(Duration.ofMinutes(10)), Map.of("p_value", 0.7), false, "training:7");
        var second = dispatcher.dispatch(evaluator.group(evaluator.evaluate(List.of(clean))));
        first.get(WAIT_SECONDS, TimeUnit.SECONDS);
        second.get(WAIT_SECONDS, TimeUnit.SECONDS);
        ObjectMapper m = new ObjectMapper();
        List<String> hookStatuses = server.requests().stream().filter(r -> r.path().equals("/hook"))
                .map(r -> readStatus(m, r.body())).toList();
        List<JsonNode> amPosts = server.requests().stream().filter(r -> r.path().equals("/am/api/v2/alerts"))
                .map(r -> read(m, r.body())).toList();
        assertThat(hookStatuses).endsWith("fired", "resolved");
        // one request of the first dispatch got 503 and was retried before the second dispatch went out
        assertThat(server.requests()).hasSize(7);
        assertThat(amPosts.get(amPosts.size() - 1).get(0).get("endsAt").asText()).isEqualTo("2026-03-01T12:10:00Z");
        assertThat(amPosts.subList(0, amPosts.size() - 1)).allSatisfy(p -> assertThat(p.get(0).has("endsAt")).isFalse());
        assertThat(log.attempts()).filteredOn(a -> a.outcome() == DeliveryOutcome.RETRYING).singleElement()
                .satisfies(a -> assertThat(a.statusCode()).isEqualTo(503));
    }

    private static String readStatus(ObjectMapper m, String body) {
        return read(m, body).get("events").get(0).get("status").asText();
    }

    private static JsonNode read(ObjectMapper m, String body) {
        try {
            return m.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void unsignedWebhookHasNoSignatureAndUnknownRoutesAreRejected() throws Exception {
        RuleSet rules = RulesParser.parse("""
                notifiers:
                  - {name: hook, type: webhook, url: "%s"}
                rules:
                  - name: p99
                    selector: {metric: latency}
                    condition: {value: p99, op: ">", threshold: 1}
                    severity: info
                    routes: [hook]
                """.formatted(server.url("/plain")), "plain.yaml");
        Evaluator evaluator = new Evaluator(rules);
        List<AlertGroup> groups = evaluator.group(evaluator.evaluate(List.of(new MetricObservation(MetricFamily.LATENCY,
                new SeriesKey("m", "v", "", ""), "", T0, T0.plusSeconds(60), Map.of("p99", 2.0), false, ""))));
        assertThat(new Dispatcher(notifiers(rules)).dispatch(groups).get(WAIT_SECONDS, TimeUnit.SECONDS))
                .singleElement().satisfies(r -> assertThat(r.delivered()).isTrue());
        assertThat(only("/plain").header("X-Driftwatch-Signature")).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Dispatcher(Map.of()).dispatch(groups))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown notifier hook");
    }

    @Test
    void aFailedDeliveryDoesNotBlockTheNextOnTheSameNotifier() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        Notifier flaky = new Notifier() {
            @Override
            public String name() {
                return "hook";
            }

            @Override
            public java.util.concurrent.CompletableFuture<List<DeliveryResult>> deliver(AlertGroup group) {
                return calls.incrementAndGet() == 1
                        ? java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("boom"))
                        : java.util.concurrent.CompletableFuture.completedFuture(
                                List.of(new DeliveryResult("hook", "g", DeliveryOutcome.DELIVERED, 1, 200)));
            }
        };
        RuleSet rules = rules();
        Dispatcher dispatcher = new Dispatcher(Map.of("slack", flaky, "hook", flaky, "am", flaky));
        List<AlertGroup> groups = groups(rules);
        var first = dispatcher.dispatch(groups);
        var second = dispatcher.dispatch(groups);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> first.get(WAIT_SECONDS, TimeUnit.SECONDS))
                .hasRootCauseMessage("boom");
        assertThat(second.get(WAIT_SECONDS, TimeUnit.SECONDS)).hasSize(3).allSatisfy(r -> assertThat(r.delivered()).isTrue());
    }

    @Test
    void backoffGrowsWithJitterAndRetryAfterIsCapped() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(3));
        assertThat(p.backoff(1, () -> 0.0)).isEqualTo(Duration.ofMillis(50));
        assertThat(p.backoff(1, () -> 0.999)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.backoff(3, () -> 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.backoff(10, () -> 0.5)).isEqualTo(Duration.ofMillis(750));
        assertThat(p.retryAfter(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(3));
        assertThat(p.retryAfter(Duration.ofSeconds(-5))).isEqualTo(Duration.ZERO);
    }
}
