package io.driftwatch.flink.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.alerting.eval.AlertEvent;
import io.driftwatch.alerting.eval.Evaluator;
import io.driftwatch.alerting.eval.EventKind;
import io.driftwatch.alerting.eval.MetricObservation;
import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.notify.CapturedLog;
import io.driftwatch.alerting.notify.DeliveryOutcome;
import io.driftwatch.alerting.notify.PagerDutyReceiver;
import io.driftwatch.alerting.notify.RetryPolicy;
import io.driftwatch.alerting.rules.MetricFamily;
import io.driftwatch.alerting.rules.RuleSet;
import io.driftwatch.alerting.rules.RulesParser;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committer delivers committed events through the notifiers: a 429 is retried after Retry-After, a 400 is
 * rejected without failing the commit (later pages must not wait behind it); a receiver that stays down past
 * the retry budget gets the page again round after round, in order, once it is back; attempts and results are
 * counted and logged without the routing key.
 */
class DeliveryCommitterTest {

    private static final String ROUTING_KEY = "DeliveryCommitterTestRoutingKey0";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    /** Immediate retries: the test checks what is retried, not how long the waits are. */
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    private static AlertBatch fired(RuleSet rules, String feature) {
        MetricObservation row = new MetricObservation(MetricFamily.FEATURE_DRIFT, new SeriesKey("fraud", "v1", "", feature),
                "ks", T0, T0.plusSeconds(60), Map.of("p_value", 0.0001, "statistic", 0.5), true, "training:b1");
        List<AlertEvent> events = new Evaluator(rules).evaluate(List.of(row));
        assertThat(events).extracting(AlertEvent::kind).containsExactly(EventKind.FIRED);
        return new AlertBatch(List.of(AlertRecord.of(events.get(0), 1L)));
    }

    /** The trigger of window 1 and the resolve of window 2 for one series, as one batch. */
    private static AlertBatch firedAndResolved(RuleSet rules) {
        SeriesKey series = new SeriesKey("fraud", "v1", "", "amount");
        List<MetricObservation> rows = List.of(
                new MetricObservation(MetricFamily.FEATURE_DRIFT, series, "ks", T0, T0.plusSeconds(60),
                        Map.of("p_value", 0.0001, "statistic", 0.5), true, "training:b1"),
                new MetricObservation(MetricFamily.FEATURE_DRIFT, series, "ks", T0.plusSeconds(60), T0.plusSeconds(120),
                        Map.of("p_value", 0.5, "statistic", 0.01), false, "training:b1"));
        List<AlertEvent> events = new Evaluator(rules).evaluate(rows);
        assertThat(events).extracting(AlertEvent::kind).containsExactly(EventKind.FIRED, EventKind.RESOLVED);
        return new AlertBatch(events.stream().map(e -> AlertRecord.of(e, 1L)).toList());
    }

    /** A commit request as Flink hands it over; the committer must not ask for retries or fail it. */
    private static Committer.CommitRequest<AlertBatch> request(AlertBatch batch) {
        return new Committer.CommitRequest<>() {
            @Override
            public AlertBatch getCommittable() {
                return batch;
            }

            @Override
            public int getNumberOfRetries() {
                return 0;
            }

            @Override
            public void signalFailedWithKnownReason(Throwable t) {
                throw new AssertionError("commit failed", t);
            }

            @Override
            public void signalFailedWithUnknownReason(Throwable t) {
                throw new AssertionError("commit failed", t);
            }

            @Override
            public void retryLater() {
                throw new AssertionError("retry requested");
            }

            @Override
            public void updateAndRetryLater(AlertBatch committable) {
                throw new AssertionError("retry requested");
            }

            @Override
            public void signalAlreadyCommitted() {
                throw new AssertionError("already committed");
            }
        };
    }

    @Test
    void retriesThrottlingRejectsInvalidAndCountsBoth(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key");
        Files.writeString(key, ROUTING_KEY, StandardCharsets.UTF_8);
        try (PagerDutyReceiver receiver = new PagerDutyReceiver(); CapturedLog log = new CapturedLog()) {
            RuleSet rules = RulesParser.parse("""
                    notifiers:
                      - {name: pd, type: pagerduty, routing_key: '${file:%s}', url: '%s'}
                    rules:
                      - name: drift
                        selector: {metric: feature_drift, test: ks}
                        condition: {value: p_value, op: "<=", threshold: 0.01}
                        severity: error
                        routes: [pd]
                    """.formatted(key, receiver.url()), "committer-test.yaml");
            DeliveryCommitter committer = new DeliveryCommitter(rules, FAST, new UnregisteredMetricsGroup());

            receiver.enqueueFault(new PagerDutyReceiver.Fault(429, "0", "{\"status\":\"throttled\"}"));
            committer.commit(List.of(request(fired(rules, "amount"))));
            receiver.enqueueFault(new PagerDutyReceiver.Fault(400, null, "{\"status\":\"invalid event\"}"));
            committer.commit(List.of(request(fired(rules, "age"))));

            assertThat(receiver.received()).extracting(PagerDutyReceiver.Received::status).containsExactly(429, 202, 400);
            assertThat(committer.attempts(DeliveryOutcome.RETRYING)).isEqualTo(1);
            assertThat(committer.attempts(DeliveryOutcome.DELIVERED)).isEqualTo(1);
            assertThat(committer.attempts(DeliveryOutcome.REJECTED)).isEqualTo(1);
            assertThat(committer.results(DeliveryOutcome.DELIVERED)).isEqualTo(1);
            assertThat(committer.results(DeliveryOutcome.REJECTED)).isEqualTo(1);
            assertThat(committer.results(DeliveryOutcome.GAVE_UP)).isZero();
            assertThat(log.lines()).anyMatch(l -> l.startsWith("ERROR") && l.contains("ended REJECTED"));
            assertThat(log.lines()).noneMatch(l -> l.contains(ROUTING_KEY));
            committer.close();
        }
    }

    @Test
    void aReceiverDownPastTheRetryBudgetGetsEveryPageOnceInOrderWhenBack(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key");
        Files.writeString(key, ROUTING_KEY, StandardCharsets.UTF_8);
        int port;
        try (ServerSocket reserved = new ServerSocket(0)) {
            port = reserved.getLocalPort();
        }
        RuleSet rules = RulesParser.parse("""
                notifiers:
                  - {name: pd, type: pagerduty, routing_key: '${file:%s}', url: 'http://127.0.0.1:%d%s'}
                rules:
                  - name: drift
                    selector: {metric: feature_drift, test: ks}
                    condition: {value: p_value, op: "<=", threshold: 0.01}
                    resolve_after: 1
                    severity: error
                    routes: [pd]
                """.formatted(key, port, PagerDutyReceiver.PATH), "committer-outage-test.yaml");
        // two attempts per round and short waits: the outage spans several rounds in a fraction of a second
        RetryPolicy quick = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(50));
        DeliveryCommitter committer = new DeliveryCommitter(rules, quick, new UnregisteredMetricsGroup());
        AlertBatch batch = firedAndResolved(rules);
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> {
            try {
                committer.commit(List.of(request(batch)));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> committer.redeliveries() >= 3);
        assertThat(commit).isNotDone();
        assertThat(committer.results(DeliveryOutcome.GAVE_UP)).isZero();

        try (PagerDutyReceiver receiver = new PagerDutyReceiver(port)) {
            // throttled three times (with and without Retry-After): the first round after the outage gives up too
            receiver.enqueueFault(new PagerDutyReceiver.Fault(429, "0", "{\"status\":\"throttled\"}"));
            receiver.enqueueFault(new PagerDutyReceiver.Fault(429, null, "{\"status\":\"throttled\"}"));
            receiver.enqueueFault(new PagerDutyReceiver.Fault(429, "0", "{\"status\":\"throttled\"}"));
            commit.get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(receiver.received()).extracting(PagerDutyReceiver.Received::status)
                    .containsExactly(429, 429, 429, 202, 202);
            assertThat(receiver.accepted()).extracting(PagerDutyReceiver.Received::action)
                    .containsExactly("trigger", "resolve");
            assertThat(receiver.accepted()).extracting(PagerDutyReceiver.Received::dedupKey).containsOnly(
                    batch.records().get(0).toEvent().dedupKey());
            assertThat(receiver.received()).allSatisfy(r -> assertThat(r.errors()).isEmpty());
            assertThat(committer.results(DeliveryOutcome.DELIVERED)).isEqualTo(2);
            assertThat(committer.results(DeliveryOutcome.GAVE_UP)).isZero();
        } finally {
            committer.close();
        }
    }
}
