package io.driftwatch.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.localstack.flink.FlinkRestClient;
import io.driftwatch.localstack.flink.JobState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Driftwatch job (the shaded {@code driftwatch.jar}, {@code DriftwatchJobMain --config FILE}, submitted
 * over REST) on a multi-process Flink cluster with embedded Kafka and ClickHouse, over a fixed input
 * ({@link KnownTraffic}): at parallelism 4 on 2 TaskManagers, after {@code kill -9} of a TaskManager, and after
 * a stop with savepoint and a resume at parallelism 2, every result table (read with FINAL, without the
 * emitted-at version) holds exactly the rows of the same job on a MiniCluster.
 *
 * <p>The comparison ({@link ResultTables}) covers every MergeTree table of the run's database, so tables the
 * job starts writing later (labels, performance, alerts) are compared without changing this test. One cluster
 * and one reference run serve all three tests ({@link PipelineStack}); the job is unbounded, so each test waits
 * (Awaitility) until its tables equal the reference, and the flush event per partition makes every window fire.
 */
class DriftwatchClusterITCase {

    static final int RESCALED_PARALLELISM = 2;
    static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);

    static PipelineStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = new PipelineStack();
        assertThat(stack.reference.get("volume")).as("reference volume rows").hasSize(KnownTraffic.FIRED_WINDOWS);
        assertThat(stack.reference.get("dead_letters")).as("reference dead letters").hasSize(KnownTraffic.DEAD_LETTERS);
        for (String table : List.of("feature_drift", "latency", "data_quality")) {
            assertThat(stack.reference.get(table)).as("reference " + table).isNotEmpty();
        }
        assertThat(stack.reference.get("feature_drift")).as("the shifted series drifts").anyMatch(row -> row.contains("| true |"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void parallelismFourOnTwoTaskManagersWritesExactlyTheMiniClusterRows() throws Exception {
        PipelineStack.Run run = stack.newRun("parallel");
        String job = stack.submit(run, PipelineStack.PARALLELISM);
        try {
            stack.produceUntilFramed(run);
            stack.produce(run, stack.traffic.windows(KnownTraffic.FRAMED_FROM, KnownTraffic.WINDOWS));
            Map<String, List<String>> rows = stack.awaitReferenceRows(run);
            assertThat(ResultTables.differences(stack.reference, rows)).as("rows missing (-) or extra (+)").isEmpty();
            assertThat(stack.cluster.rest().jobState(job)).isEqualTo(JobState.RUNNING);
        } finally {
            stack.cluster.rest().cancel(job);
        }
    }

    /**
     * Windows 0-1 go in and window 0 fires; a checkpoint is taken; windows 2-3 go in and windows 1-2 fire and
     * are written (after the checkpoint); then a TaskManager dies by SIGKILL and the rest of the input arrives
     * while the job restarts from the checkpoint, replaying windows 1-2 into the sinks a second time.
     */
    @Test
    void killMinusNineOfATaskManagerLosesNothingAndDoublesNothing() throws Exception {
        PipelineStack.Run run = stack.newRun("kill");
        FlinkRestClient rest = stack.cluster.rest();
        String job = stack.submit(run, PipelineStack.PARALLELISM);
        try {
            stack.produceUntilFramed(run);
            ClusterCheckpoints.trigger(rest.restUrl(), job);
            await().atMost(JOB_TIMEOUT).until(() -> rest.completedCheckpoints(job) >= 1);
            stack.produce(run, stack.traffic.windows(KnownTraffic.FRAMED_FROM, 4));
            stack.awaitVolumeRows(run, 3 * KnownTraffic.KEYS);

            int victim = stack.cluster.taskManagersStarted() - 1;
            stack.cluster.killTaskManager(victim);
            stack.produce(run, stack.traffic.windows(4, KnownTraffic.WINDOWS));
            stack.cluster.startTaskManager();

            Map<String, List<String>> rows = stack.awaitReferenceRows(run);
            assertThat(ResultTables.differences(stack.reference, rows)).as("rows missing (-) or extra (+)").isEmpty();
            assertThat(rest.restoredCheckpoints(job)).as("restarted from the checkpoint").isGreaterThanOrEqualTo(1);
            assertThat(rest.jobState(job)).isEqualTo(JobState.RUNNING);
        } finally {
            rest.cancel(job);
        }
    }

    @Test
    void stopWithSavepointAndResumeAtAnotherParallelismGivesTheCleanRunsRows() throws Exception {
        PipelineStack.Run run = stack.newRun("rescale");
        FlinkRestClient rest = stack.cluster.rest();
        String first = stack.submit(run, PipelineStack.PARALLELISM);
        String savepoint;
        try {
            stack.produceUntilFramed(run);
            stack.produce(run, stack.traffic.windows(KnownTraffic.FRAMED_FROM, 4));
            stack.awaitVolumeRows(run, 3 * KnownTraffic.KEYS);
            savepoint = rest.stopWithSavepoint(first, PipelineStack.WORK_ROOT.resolve("savepoints"), JOB_TIMEOUT);
        } catch (RuntimeException | Error e) {
            rest.cancel(first);
            throw e;
        }
        assertThat(rest.awaitJobState(first, JobState::isGloballyTerminal, JOB_TIMEOUT)).isEqualTo(JobState.FINISHED);

        stack.produce(run, stack.traffic.windows(4, KnownTraffic.WINDOWS));
        String second = stack.submitFromSavepoint(run, RESCALED_PARALLELISM, savepoint);
        try {
            Map<String, List<String>> rows = stack.awaitReferenceRows(run);
            assertThat(ResultTables.differences(stack.reference, rows)).as("rows missing (-) or extra (+)").isEmpty();
            assertThat(rest.restoredCheckpoints(second)).as("resumed from the savepoint").isGreaterThanOrEqualTo(1);
        } finally {
            rest.cancel(second);
        }
    }
}
