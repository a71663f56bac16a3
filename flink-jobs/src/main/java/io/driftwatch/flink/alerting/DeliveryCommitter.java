package io.driftwatch.flink.alerting;

import io.driftwatch.alerting.eval.AlertEvent;
import io.driftwatch.alerting.eval.Evaluator;
import io.driftwatch.alerting.notify.DeliveryAttempt;
import io.driftwatch.alerting.notify.DeliveryOutcome;
import io.driftwatch.alerting.notify.DeliveryResult;
import io.driftwatch.alerting.notify.NotifierContext;
import io.driftwatch.alerting.notify.Notifiers;
import io.driftwatch.alerting.notify.RetryPolicy;
import io.driftwatch.alerting.notify.SecretResolver;
import io.driftwatch.alerting.rules.RuleSet;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends committed alert batches through the notifiers, grouped per rule and window by the rule's
 * {@code group_by}, and returns only once every delivery was delivered or rejected (retries with backoff,
 * jitter and Retry-After happen in the notifiers; a delivery that gave up is delivered again by
 * {@link OrderedRedelivery}, round after round, so a receiver outage delays pages but loses none). Flink
 * commits checkpoints one after the other, so a later batch (a resolve) waits for an earlier one (its trigger).
 * Every attempt is logged (redacted by the notifiers: no routing key, webhook URL or HMAC secret appears) and
 * counted in {@code alert_delivery_attempts{outcome}}; final results in {@code alert_deliveries{outcome}};
 * redelivery rounds in {@code alert_redeliveries}. A rejected delivery (4xx: retrying cannot help) is logged
 * as an error and dropped.
 */
final class DeliveryCommitter implements Committer<AlertBatch> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryCommitter.class);
    static final String ATTEMPTS_METRIC = "alert_delivery_attempts";
    static final String RESULTS_METRIC = "alert_deliveries";
    static final String REDELIVERIES_METRIC = "alert_redeliveries";

    private final RuleSet rules;
    private final OrderedRedelivery delivery;
    private final Counter redeliveries;
    private final Map<DeliveryOutcome, Counter> attempts = new EnumMap<>(DeliveryOutcome.class);
    private final Map<DeliveryOutcome, Counter> results = new EnumMap<>(DeliveryOutcome.class);

    DeliveryCommitter(RuleSet rules, RetryPolicy retryPolicy, MetricGroup metrics) {
        this.rules = rules;
        for (DeliveryOutcome outcome : DeliveryOutcome.values()) {
            MetricGroup group = metrics.addGroup("outcome", outcome.name().toLowerCase(Locale.ROOT));
            attempts.put(outcome, group.counter(ATTEMPTS_METRIC, new ThreadSafeSimpleCounter()));
            results.put(outcome, group.counter(RESULTS_METRIC, new ThreadSafeSimpleCounter()));
        }
        NotifierContext context = new NotifierContext(
                HttpClient.newBuilder().connectTimeout(NotifierContext.DEFAULT_REQUEST_TIMEOUT).build(), retryPolicy,
                this::onAttempt, SecretResolver.system(), Clock.systemUTC(), NotifierContext.DEFAULT_REQUEST_TIMEOUT);
        this.redeliveries = metrics.counter(REDELIVERIES_METRIC, new ThreadSafeSimpleCounter());
        this.delivery = new OrderedRedelivery(Notifiers.createAll(rules, context), retryPolicy, this::onRedelivery);
    }

    private void onRedelivery(OrderedRedelivery.Redelivery r) {
        redeliveries.inc();
        LOG.warn("alert delivery {} {} gave up; redelivery round {} in {}", r.notifier(), r.groupKey(), r.round(),
                r.delay());
    }

    private void onAttempt(DeliveryAttempt a) {
        attempts.get(a.outcome()).inc();
        if (a.outcome() == DeliveryOutcome.DELIVERED || a.outcome() == DeliveryOutcome.RETRYING) {
            LOG.info("alert delivery {} {} attempt {}: {} status {}{}", a.notifier(), a.delivery(), a.attempt(),
                    a.outcome(), a.statusCode(), a.outcome() == DeliveryOutcome.RETRYING ? ", retry in " + a.retryIn()
                            + " " + a.detail() : "");
        } else {
            LOG.error("alert delivery {} {} attempt {}: {} status {} {}", a.notifier(), a.delivery(), a.attempt(),
                    a.outcome(), a.statusCode(), a.detail());
        }
    }

    @Override
    public void commit(Collection<CommitRequest<AlertBatch>> requests) throws InterruptedException {
        for (CommitRequest<AlertBatch> request : requests) {
            List<AlertEvent> events = new ArrayList<>();
            request.getCommittable().records().forEach(r -> events.add(r.toEvent()));
            List<DeliveryResult> delivered;
            try {
                delivered = delivery.deliver(new Evaluator(rules).group(events)).get();
            } catch (InterruptedException e) {
                // cancelled or failing over: the batch stays in the checkpoint and is committed again after a restore
                delivery.stop();
                throw e;
            } catch (ExecutionException e) {
                // notifiers turn HTTP and network failures into results; this is a bug, and retrying cannot help
                LOG.error("alert delivery of {} event(s) failed", events.size(), e.getCause());
                continue;
            }
            for (DeliveryResult result : delivered) {
                results.get(result.outcome()).inc();
                if (!result.delivered()) {
                    LOG.error("alert delivery {} {} ended {} after {} attempt(s), status {}", result.notifier(),
                            result.delivery(), result.outcome(), result.attempts(), result.statusCode());
                }
            }
        }
    }

    /** HTTP attempts so far that ended with this outcome (the {@value #ATTEMPTS_METRIC} counter). */
    long attempts(DeliveryOutcome outcome) {
        return attempts.get(outcome).getCount();
    }

    /** Deliveries so far that ended with this outcome (the {@value #RESULTS_METRIC} counter). */
    long results(DeliveryOutcome outcome) {
        return results.get(outcome).getCount();
    }

    /** Redelivery rounds started so far (the {@value #REDELIVERIES_METRIC} counter). */
    long redeliveries() {
        return redeliveries.getCount();
    }

    @Override
    public void close() {
        // stops pending redelivery rounds; the HTTP client has no close on Java 17, its threads are daemons
        delivery.stop();
    }
}
