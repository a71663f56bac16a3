package io.driftwatch.flink.alerting;

import io.driftwatch.alerting.notify.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Delivers alert events through the rules file's notifiers, only once they are durable: the writer collects
 * events until a checkpoint barrier and hands them over as one committable ({@link AlertBatch}); the committer
 * ({@link DeliveryCommitter}) sends them after that checkpoint completed, i.e. once the alert state change
 * that produced them is in a completed checkpoint. A failure before that discards the events together with the
 * state change, and the replay produces them again: nothing is lost and nothing is sent from a state that is
 * later rolled back.
 *
 * <p>What can repeat: Flink re-commits the committables of the checkpoint a job restores from, because it cannot
 * know whether their delivery finished. A restore from exactly the checkpoint holding a trigger re-sends it
 * (same {@code dedup_key}: PagerDuty and Alertmanager merge it into the open alert; Slack and webhooks see a
 * second message). A restore from any later checkpoint sends nothing again. Run with parallelism 1 (alerts are
 * sparse) so one committer keeps every notifier's order.
 *
 * <p>A receiver outage delays pages but loses none: the committer redelivers what gave up until the receiver is
 * back ({@link OrderedRedelivery}), and meanwhile checkpoint barriers wait at this sink's task (run it unchained,
 * as {@link AlertTopology} does, so evaluation goes on).
 */
public final class AlertDeliverySink implements Sink<AlertRecord>, SupportsCommitter<AlertBatch> {

    private static final long serialVersionUID = 1L;

    private final RulesSource rulesSource;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;

    public AlertDeliverySink(RulesSource rulesSource, RetryPolicy retryPolicy) {
        this.rulesSource = Objects.requireNonNull(rulesSource, "rulesSource");
        this.maxAttempts = retryPolicy.maxAttempts();
        this.initialBackoff = retryPolicy.initialBackoff();
        this.maxBackoff = retryPolicy.maxBackoff();
        this.maxRetryAfter = retryPolicy.maxRetryAfter();
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter);
    }

    @Override
    public CommittingSinkWriter<AlertRecord, AlertBatch> createWriter(WriterInitContext context) {
        return new BatchingWriter();
    }

    @Override
    public Committer<AlertBatch> createCommitter(CommitterInitContext context) throws IOException {
        return new DeliveryCommitter(rulesSource.parse(), retryPolicy(), context.metricGroup());
    }

    @Override
    public SimpleVersionedSerializer<AlertBatch> getCommittableSerializer() {
        return new AlertBatchSerializer();
    }

    /** Holds the events of the current checkpoint interval. */
    static final class BatchingWriter implements CommittingSinkWriter<AlertRecord, AlertBatch> {

        private final List<AlertRecord> buffer = new ArrayList<>();

        @Override
        public void write(AlertRecord record, Context context) {
            buffer.add(record);
        }

        @Override
        public void flush(boolean endOfInput) {
            // nothing to flush: events leave only as committables
        }

        @Override
        public Collection<AlertBatch> prepareCommit() {
            if (buffer.isEmpty()) {
                return List.of();
            }
            AlertBatch batch = new AlertBatch(buffer);
            buffer.clear();
            return List.of(batch);
        }

        @Override
        public void close() {
            buffer.clear();
        }
    }
}
