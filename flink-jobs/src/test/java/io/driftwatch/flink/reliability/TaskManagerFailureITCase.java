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
 * Guarantee: a TaskManager lost mid-stream costs nothing. The job's only TaskManager is killed three times,
 * each time after a chunk of input was produced and partly written (so rows written before the last checkpoint
 * are replayed and rewritten, and window state is restored from the checkpoint); every table then equals, row by
 * row under FINAL, a clean run over the same input: nothing lost, nothing doubled.
 */
class TaskManagerFailureITCase {

    private static final int KILLS = 3;
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
    void threeTaskManagerLossesLeaveTheSameRowsAsACleanRun() throws Exception {
        Workload workload = new Workload();
        String database = "tm_failure";
        stack.migrate(database);
        JobClient job = stack.submit(stack.config(database, "group-" + database, ""));
        long completedAtLastKill = 0;
        for (int chunk = 0; chunk < Workload.CHUNKS; chunk++) {
            stack.produce(workload.chunk(chunk));
            if (chunk < KILLS) {
                long written = Workload.volumeRowsAfterChunk(chunk);
                long completedBefore = completedAtLastKill;
                // rows of this chunk written, and a checkpoint completed since the last kill to restore from
                Awaitility.await().atMost(ReliabilityStack.RUN_TIMEOUT).pollInterval(Duration.ofMillis(100))
                        .until(() -> stack.volumeRows(database) >= written
                                && stack.checkpoints(job.getJobID()).getNumberOfCompletedCheckpoints() > completedBefore);
                completedAtLastKill = stack.checkpoints(job.getJobID()).getNumberOfCompletedCheckpoints();
                assertThat(stack.status(job)).isEqualTo(JobStatus.RUNNING);
                // TaskManagers are never removed from the MiniCluster's list: the chunk-th one is the live one.
                stack.flink.terminateTaskManager(chunk).get();
                stack.flink.startTaskManager();
            }
        }
        stack.awaitSettled(job, () -> stack.volumeRows(database) == Workload.expectedVolumeRows());
        assertThat(stack.checkpoints(job.getJobID()).getNumberOfRestoredCheckpoints()).isGreaterThanOrEqualTo(KILLS);
        job.cancel().get();
        TableSnapshot disturbed = TableSnapshot.of(stack.clickhouse, database);

        TableSnapshot clean = stack.cleanRun(workload, "tm_clean");
        assertThat(clean.sizes()).containsEntry("volume", (int) Workload.expectedVolumeRows())
                .containsEntry("dead_letters", (int) Workload.expectedDeadLetters());
        assertThat(clean.sizes().get("feature_drift")).isPositive();
        assertThat(clean.differences(disturbed)).isEmpty();
    }
}
