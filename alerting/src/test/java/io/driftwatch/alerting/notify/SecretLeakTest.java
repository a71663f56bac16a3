package io.driftwatch.alerting.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.alerting.eval.AlertGroup;
import io.driftwatch.alerting.eval.Evaluator;
import io.driftwatch.alerting.eval.MetricObservation;
import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.rules.MetricFamily;
import io.driftwatch.alerting.rules.RuleSet;
import io.driftwatch.alerting.rules.RulesParser;
import io.driftwatch.alerting.rules.SecretRef;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deliveries with secrets configured, through every failure path that writes logs (error bodies that echo
 * the request, 5xx retries, a refused connection to a URL that holds the Slack token): no secret appears in
 * the captured log, the delivery log, exceptions or toString().
 */
class SecretLeakTest {

    private static final String SLACK_TOKEN = "xoxb-SLACKTOKEN-9f8e7d6c5b4a";
    private static final String HMAC_SECRET = "hmac-SECRET-0a1b2c3d4e5f";
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void noSecretInLogsDeliveryLogOrToString() throws Exception {
        Path hmacFile = dir.resolve("hook.key");
        Files.writeString(hmacFile, HMAC_SECRET + "\n");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        DeliveryLog deliveries = new DeliveryLog();
        List<String> secrets = List.of(TestContexts.ROUTING_KEY, SLACK_TOKEN, HMAC_SECRET);
        try (PagerDutyReceiver pd = new PagerDutyReceiver(); CapturingServer echo = new CapturingServer();
             CapturedLog log = new CapturedLog()) {
            RuleSet rules = RulesParser.parse("""
                    notifiers:
                      - {name: pd, type: pagerduty, url: "%s", routing_key: "${env:PD_KEY}"}
                      - {name: slack, type: slack, webhook_url: "${env:SLACK_URL}"}
                      - {name: hook, type: webhook, url: "%s", hmac_secret: "${file:%s}"}
                    rules:
                      - name: p99
                        selector: {metric: latency}
                        condition: {value: p99, op: ">", threshold: 250}
                        severity: critical
                        routes: [pd, slack, hook]
                    """.formatted(pd.url(), echo.url("/hook"), hmacFile), "leak.yaml");
            Map<String, String> env = Map.of("PD_KEY", TestContexts.ROUTING_KEY,
                    "SLACK_URL", "http://127.0.0.1:" + closedPort + "/services/" + SLACK_TOKEN);
            Map<String, Notifier> notifiers = Notifiers.createAll(rules, TestContexts.context(env, deliveries));

            // PagerDuty: a 500 and a 400 whose bodies echo the routing key back; the webhook: a 400 echoing both
            pd.enqueueFault(new PagerDutyReceiver.Fault(500, null, "{\"message\":\"bad key " + TestContexts.ROUTING_KEY + "\"}"));
            pd.enqueueFault(new PagerDutyReceiver.Fault(400, null, "{\"errors\":[\"routing_key " + TestContexts.ROUTING_KEY
                    + " unknown\"]}"));
            echo.answerNext(new CapturingServer.Answer(400, "rejected signature for " + HMAC_SECRET + " at " + SLACK_TOKEN));

            Evaluator evaluator = new Evaluator(rules);
            MetricObservation row = new MetricObservation(MetricFamily.LATENCY, new SeriesKey("fraud", "v1", "", ""), "",
                    Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:05:00Z"), Map.of("p99", 900.0),
                    false, "");
            List<AlertGroup> groups = evaluator.group(evaluator.evaluate(List.of(row)));
            List<DeliveryResult> results = new Dispatcher(notifiers).dispatch(groups).get(WAIT_SECONDS, TimeUnit.SECONDS);

            assertThat(results).extracting(DeliveryResult::notifier, DeliveryResult::outcome).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("pd", DeliveryOutcome.REJECTED),
                    org.assertj.core.groups.Tuple.tuple("slack", DeliveryOutcome.GAVE_UP),
                    org.assertj.core.groups.Tuple.tuple("hook", DeliveryOutcome.REJECTED));

            List<String> texts = new ArrayList<>(log.lines());
            deliveries.attempts().forEach(a -> texts.add(a.toString()));
            results.forEach(r -> texts.add(r.toString()));
            notifiers.values().forEach(n -> texts.add(n.toString()));
            assertThat(log.lines()).as("the failures were logged").anySatisfy(l -> assertThat(l).contains("bad key ***"))
                    .anySatisfy(l -> assertThat(l).contains("rejected signature for *** at ***"))
                    .anySatisfy(l -> assertThat(l).startsWith("ERROR").contains("slack").contains("GAVE_UP"));
            for (String secret : secrets) {
                assertThat(texts).as("texts containing a secret").noneMatch(t -> t.contains(secret));
            }
            assertThat(notifiers.get("pd").toString()).contains("${env:PD_KEY}");
        }
    }

    @Test
    void unresolvableSecretsNameTheReferenceOnly() throws Exception {
        SecretResolver resolver = new SecretResolver(Map.of("EMPTY", "")::get);
        assertThatThrownBy(() -> resolver.resolve(new SecretRef(SecretRef.Source.ENV, "MISSING")))
                .hasMessage("secret ${env:MISSING}: environment variable MISSING is not set");
        assertThatThrownBy(() -> resolver.resolve(new SecretRef(SecretRef.Source.ENV, "EMPTY")))
                .hasMessageContaining("is not set");
        assertThatThrownBy(() -> resolver.resolve(new SecretRef(SecretRef.Source.FILE, dir.resolve("nope").toString())))
                .hasMessageContaining("cannot read").hasMessageContaining("NoSuchFileException");
        Path secretFile = dir.resolve("s");
        Files.writeString(secretFile, "t0ps3cret\n\n");
        Secret s = resolver.resolve(new SecretRef(SecretRef.Source.FILE, secretFile.toString()));
        assertThat(s.reveal()).isEqualTo("t0ps3cret");
        assertThat(s.toString()).doesNotContain("t0ps3cret").contains(secretFile.toString());
        assertThat(new Redactor(List.of(s)).redact("x t0ps3cret y")).isEqualTo("x *** y");
        assertThat(Duration.ZERO).isZero();
    }
}
