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
 * Guarantee: a Kafka broker restart mid-stream costs nothing. The broker is stopped after the first chunk while
 * the job runs (it keeps RUNNING for {@link #DOWN} without its broker), then restarted on the same log dir; the
 * job resumes reading where its checkpointed source offsets stand, keeps committing offsets on checkpoints (the
 * group ends at the topic's end offsets), and every table equals a clean run.
 */
class KafkaRestartITCase {

    private static final Duration DOWN = Duration.ofSeconds(10);
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
    void aBrokerRestartMidStreamLeavesTheSameRowsAsACleanRun() throws Exception {
        Workload workload = new Workload();
        String database = "kafka_restart";
        String group = "group-" + database;
        stack.migrate(database);
        JobClient job = stack.submit(stack.config(database, group, ""));
        stack.produce(workload.chunk(0));
        stack.produce(workload.chunk(1));
        Awaitility.await().atMost(ReliabilityStack.RUN_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> stack.volumeRows(database) >= Workload.volumeRowsAfterChunk(0));
        Awaitility.await().atMost(ReliabilityStack.RUN_TIMEOUT).until(() -> stack.committedOffsets(group) > 0);

        stack.kafka.stop();
        Awaitility.await().during(DOWN).atMost(DOWN.plusSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> stack.status(job) == JobStatus.RUNNING);
        stack.kafka.restart();

        for (int chunk = 2; chunk < Workload.CHUNKS; chunk++) {
            stack.produce(workload.chunk(chunk));
        }
        stack.awaitSettled(job, () -> stack.volumeRows(database) == Workload.expectedVolumeRows());
        Awaitility.await().atMost(ReliabilityStack.RUN_TIMEOUT).until(() -> stack.committedOffsets(group) == stack.endOffsets());
        job.cancel().get();
        TableSnapshot disturbed = TableSnapshot.of(stack.clickhouse, database);

        TableSnapshot clean = stack.cleanRun(workload, "kafka_clean");
        assertThat(clean.sizes()).containsEntry("volume", (int) Workload.expectedVolumeRows());
        assertThat(clean.differences(disturbed)).isEmpty();
    }
}
