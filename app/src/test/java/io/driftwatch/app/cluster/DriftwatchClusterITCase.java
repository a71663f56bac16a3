package io.driftwatch.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.localstack.flink.FlinkRestClient;
import io.driftwatch.localstack.flink.JobState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.awaitility.core.ConditionTimeoutException;
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
 * <p>Every run has labels for the known predictions (so performance, reliability and change points are filled) and
 * a latency rule ({@link AlertRules}) that fires and resolves once per series, paging a local PagerDuty receiver
 * per run; after the kill, the pages per dedup key equal the reference run's.
 *
 * <p>The comparison ({@link ResultTables}) covers every MergeTree table of the run's database, so tables the
 * job starts writing later (labels, performance, alerts) are compared without changing this test. One cluster
 * and one reference run serve all three tests ({@link PipelineStack}); the job is unbounded, so each test waits
 * (Awaitility) until its tables equal the reference, and the flush event per partition makes every window fire.
 */
class DriftwatchClusterITCase {

    static final int RESCALED_PARALLELISM = 2;
    static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);
    /** What the PagerDuty receiver answers a valid event. */
    static final int HTTP_ACCEPTED = 202;
    static final String TRIGGER = "trigger";
    static final String RESOLVE = "resolve";

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
        for (String table : List.of("performance", "reliability", "alerts")) {
            assertThat(stack.reference.get(table)).as("reference " + table).isNotEmpty();
        }
        assertThat(stack.referencePages).as("reference pages: one trigger, then one resolve per series").isNotEmpty()
                .allSatisfy((key, actions) -> assertThat(actions).containsExactly(TRIGGER, RESOLVE));
        assertThat(stack.referencePages).hasSize(AlertRules.pagedEvents(stack.reference.get("alerts")) / 2);
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
     * while the job restarts from the checkpoint, replaying windows 1-2 into the sinks a second time. Labels of
     * windows 0-3 are in flight (joined after the checkpoint), and so is the latency alert of window 2: the kill
     * waits until its triggers are in the alerts table, i.e. evaluated and waiting in the delivery sink for a
     * checkpoint that never completes. The restore is from a checkpoint before
     * any trigger, so no page may repeat (RULES.md: only a restore from exactly the checkpoint holding a trigger
     * re-sends it): checkpoints are then triggered until the pages arrive, and once more to see none is doubled.
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
            // every trigger (window 2) is evaluated and waits in the delivery sink for the next checkpoint
            await().atMost(JOB_TIMEOUT).pollInterval(PipelineStack.POLL).until(() -> AlertRules.firedEvents(
                    stack.snapshot(run).getOrDefault("alerts", List.of())) == stack.referencePages.size());
            assertThat(run.receiver().received()).as("nothing paged before a checkpoint after the trigger").isEmpty();

            int victim = stack.cluster.taskManagersStarted() - 1;
            stack.cluster.killTaskManager(victim);
            stack.produce(run, stack.traffic.windows(4, KnownTraffic.WINDOWS));
            stack.cluster.startTaskManager();

            Map<String, List<String>> rows = stack.awaitReferenceRows(run);
            assertThat(ResultTables.differences(stack.reference, rows)).as("rows missing (-) or extra (+)").isEmpty();
            assertThat(rest.restoredCheckpoints(job)).as("restarted from the checkpoint").isGreaterThanOrEqualTo(1);
            assertThat(rest.jobState(job)).isEqualTo(JobState.RUNNING);

            checkpointUntil(rest, job, () -> AlertRules.pagesByDedupKey(run.receiver()).equals(stack.referencePages));
            checkpoint(rest, job);
            assertThat(AlertRules.pagesByDedupKey(run.receiver())).as("pages per dedup key after the kill")
                    .isEqualTo(stack.referencePages);
            assertThat(run.receiver().received()).as("every request valid and accepted")
                    .allSatisfy(r -> assertThat(r.errors()).isEmpty())
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(HTTP_ACCEPTED));
        } finally {
            rest.cancel(job);
        }
    }

    /** Completes one more checkpoint of {@code job} (delivering the pages it holds). */
    private static void checkpoint(FlinkRestClient rest, String job) throws Exception {
        long before = rest.completedCheckpoints(job);
        ClusterCheckpoints.trigger(rest.restUrl(), job);
        await().atMost(JOB_TIMEOUT).until(() -> rest.completedCheckpoints(job) > before);
    }

    /**
     * Checkpoints {@code job} until {@code done} holds (pages go out after the checkpoint holding them) or
     * {@link #JOB_TIMEOUT} passed; the caller's assertion then shows what differs.
     */
    private static void checkpointUntil(FlinkRestClient rest, String job, Callable<Boolean> done) {
        try {
            await().atMost(JOB_TIMEOUT).pollInterval(PipelineStack.POLL).until(() -> {
                if (done.call()) {
                    return true;
                }
                checkpoint(rest, job);
                return done.call();
            });
        } catch (ConditionTimeoutException e) {
            // the caller's assertion shows the difference
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
