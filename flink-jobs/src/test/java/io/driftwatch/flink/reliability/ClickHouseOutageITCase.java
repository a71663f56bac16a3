package io.driftwatch.flink.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Guarantee: a ClickHouse outage of {@link #OUTAGE} mid-stream costs nothing and does not fail the job. ClickHouse
 * is stopped after the first chunk, more input arrives while it is down, and it is started again on the same data
 * directory. While it is down the job stays RUNNING (the sinks retry with backoff instead of failing), no
 * checkpoint completes (a sink cannot flush, so the barrier waits) and the source's committed Kafka offsets do
 * not move (nothing is acknowledged that is not in ClickHouse); afterwards every table equals a clean run.
 */
class ClickHouseOutageITCase {

    /** The outage the sink must ride out without a restart; the suite budget allows the full minute. */
    static final Duration OUTAGE = Duration.ofSeconds(60);
    /** No checkpoint completing for this long means the sink is blocked on ClickHouse. */
    private static final Duration STALLED = Duration.ofSeconds(5);
    private static ReliabilityStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = ReliabilityStack.start(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Timeout(600)
    void aMinuteWithoutClickHouseStallsCheckpointsAndLosesNothing() throws Exception {
        Workload workload = new Workload();
        String database = "ch_outage";
        String group = "group-" + database;
        stack.migrate(database);
        JobClient job = stack.submit(stack.config(database, group, ""));
        stack.produce(workload.chunk(0));
        Awaitility.await().atMost(ReliabilityStack.RUN_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> stack.volumeRows(database) >= Workload.volumeRowsAfterChunk(0));

        long stoppedAt = System.nanoTime();
        stack.clickhouse.stop();
        stack.produce(workload.chunk(1));
        StallWatch stall = new StallWatch();
        Awaitility.await().atMost(ReliabilityStack.RUN_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> stall.stalledFor(stack.checkpoints(job.getJobID()).getNumberOfCompletedCheckpoints())
                        .compareTo(STALLED) >= 0);
        long completed = stack.checkpoints(job.getJobID()).getNumberOfCompletedCheckpoints();
        long committed = stack.committedOffsets(group);
        assertThat(committed).isLessThan(stack.endOffsets());
        Duration remaining = OUTAGE.minusNanos(System.nanoTime() - stoppedAt);
        Awaitility.await().during(remaining).atMost(remaining.plusSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.status(job) == JobStatus.RUNNING
                        && stack.checkpoints(job.getJobID()).getNumberOfCompletedCheckpoints() == completed
                        && stack.committedOffsets(group) == committed);
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isGreaterThanOrEqualTo(OUTAGE);
        stack.clickhouse.restart();

        for (int chunk = 2; chunk < Workload.CHUNKS; chunk++) {
            stack.produce(workload.chunk(chunk));
        }
        stack.awaitSettled(job, () -> stack.volumeRows(database) == Workload.expectedVolumeRows());
        Awaitility.await().atMost(ReliabilityStack.RUN_TIMEOUT).until(() -> stack.committedOffsets(group) == stack.endOffsets());
        job.cancel().get();
        TableSnapshot disturbed = TableSnapshot.of(stack.clickhouse, database);

        TableSnapshot clean = stack.cleanRun(workload, "ch_clean");
        assertThat(clean.sizes()).containsEntry("volume", (int) Workload.expectedVolumeRows());
        assertThat(clean.differences(disturbed)).isEmpty();
    }

    /** How long a counter has not changed, observed by polling. */
    private static final class StallWatch {
        private long last = -1;
        private long since;

        Duration stalledFor(long value) {
            long now = System.nanoTime();
            if (value != last) {
                last = value;
                since = now;
            }
            return Duration.ofNanos(now - since);
        }
    }
}
