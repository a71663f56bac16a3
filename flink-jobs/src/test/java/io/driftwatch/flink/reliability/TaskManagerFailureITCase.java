package io.driftwatch.flink.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.alerting.eval.DedupKeys;
import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.notify.PagerDutyReceiver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarantee: a TaskManager lost mid-stream costs nothing, with labels in flight and an alert firing. The job
 * (predictions, the labels of {@link LabelledWorkload}, an amount drift rule paging a local PagerDuty receiver,
 * {@link Paging}) loses its only TaskManager three times, each time after a chunk of predictions and labels was
 * produced and partly written: rows written before the last checkpoint are replayed and rewritten, window, join
 * and alert state is restored from the checkpoint, and labels of earlier windows are still arriving. Then every
 * table (performance, reliability, change_points, alerts, label drift and dead letters included) equals, row by
 * row under FINAL, a clean run over the same input, and PagerDuty's incidents equal the clean run's: per dedup
 * key one incident opened and resolved, no second page. A trigger may be re-sent into its open incident when the
 * restore is from exactly the checkpoint that holds it (alerting/RULES.md "Delivery guarantees").
 */
class TaskManagerFailureITCase {

    private static final int KILLS = 3;
    private static ReliabilityStack stack;
    private static PagerDutyReceiver disturbedPager;
    private static PagerDutyReceiver cleanPager;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() throws Exception {
        stack = ReliabilityStack.start(Map.of());
        disturbedPager = new PagerDutyReceiver();
        cleanPager = new PagerDutyReceiver();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            for (PagerDutyReceiver pager : new PagerDutyReceiver[] {disturbedPager, cleanPager}) {
                if (pager != null) {
                    pager.close();
                }
            }
        }
    }

    @Test
    @Timeout(600)
    void threeTaskManagerLossesWithLabelsInFlightLeaveTheSameRowsAndPagesAsACleanRun() throws Exception {
        Workload workload = new Workload();
        LabelledWorkload labels = new LabelledWorkload(workload);
        String database = "tm_failure";
        stack.migrate(database);
        JobClient job = stack.submit(stack.config(database, "group-" + database, LabelledWorkload.LABELS_YAML
                + Paging.alertingYaml(temp.resolve(database), disturbedPager)), true);
        long completedAtLastKill = 0;
        for (int chunk = 0; chunk < Workload.CHUNKS; chunk++) {
            stack.produce(workload.chunk(chunk));
            stack.produce(ReliabilityStack.LABELS, labels.chunk(chunk));
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
        stack.awaitSettled(job, () -> complete(database, labels));
        assertThat(stack.checkpoints(job.getJobID()).getNumberOfRestoredCheckpoints()).isGreaterThanOrEqualTo(KILLS);
        awaitPagesOfAlertsTable(disturbedPager, database);
        job.cancel().get();
        TableSnapshot disturbed = TableSnapshot.of(stack.clickhouse, database);

        String cleanDatabase = "tm_clean";
        TableSnapshot clean = stack.cleanRun(cleanDatabase, LabelledWorkload.LABELS_YAML
                + Paging.alertingYaml(temp.resolve(cleanDatabase), cleanPager), true,
                () -> complete(cleanDatabase, labels));
        clean = TableSnapshot.of(stack.clickhouse, cleanDatabase);
        awaitPagesOfAlertsTable(cleanPager, cleanDatabase);

        // the clean run is not trivially empty: labels joined, an alert fired and resolved
        assertThat(clean.sizes()).containsEntry("volume", (int) Workload.expectedVolumeRows())
                .containsEntry("performance", (int) Workload.expectedVolumeRows())
                .containsEntry("dead_letters", (int) labels.expectedDeadLetters());
        assertThat(clean.sizes().get("feature_drift")).isPositive();
        assertThat(clean.sizes().get("reliability")).isPositive();
        assertThat(clean.sizes().get("alerts")).isPositive();
        assertThat(clean.sizes().get("change_points")).isPositive();
        assertThat(count(cleanDatabase, "feature_drift FINAL WHERE subject = 'label'")).isPositive();
        assertThat(count(cleanDatabase, "dead_letters FINAL WHERE reason = 'duplicate_label'"))
                .isEqualTo(labels.duplicates());
        assertThat(count(cleanDatabase, "dead_letters FINAL WHERE reason = 'unknown_prediction'"))
                .isEqualTo((long) LabelledWorkload.ORPHANS_PER_CHUNK * Workload.CHUNKS);

        assertThat(clean.differences(disturbed)).isEmpty();

        // PagerDuty: the clean run opened and resolved one incident per alerting series, the drifting one among them
        Map<String, List<String>> cleanIncidents = Paging.incidents(cleanPager);
        String drifting = DedupKeys.of(Paging.RULE, new SeriesKey(Workload.MODELS[0], "v1",
                "country=" + Workload.DRIFTING_COUNTRY, "amount"));
        assertThat(cleanIncidents).containsKey(drifting)
                .allSatisfy((key, actions) -> assertThat(actions).containsExactly(Paging.TRIGGER, Paging.RESOLVE));
        assertThat(Paging.rawCounts(cleanPager).values()).allMatch(n -> n == 1);
        // the disturbed run: the same incidents (no second page); a re-sent trigger may only join its open incident
        System.out.println("TaskManagerFailureITCase rows " + clean.sizes() + "; pages (dedup key prefix, action ->"
                + " accepted): disturbed " + Paging.rawCounts(disturbedPager) + ", clean " + Paging.rawCounts(cleanPager));
        assertThat(Paging.incidents(disturbedPager)).isEqualTo(cleanIncidents);
        for (PagerDutyReceiver pager : List.of(disturbedPager, cleanPager)) {
            assertThat(pager.received()).allSatisfy(r -> assertThat(r.errors()).isEmpty());
        }
    }

    /**
     * All volume and performance rows are there and at least the expected dead letters (the last of them, the
     * unknown predictions' labels, wait for the sentinel's watermark). At least: a run that lost join state has
     * more and is compared, not timed out. The clean run's exact counts are asserted.
     */
    private static boolean complete(String database, LabelledWorkload labels) throws Exception {
        return stack.volumeRows(database) >= Workload.expectedVolumeRows()
                && TableSnapshot.count(stack.clickhouse, database, "performance") >= Workload.expectedVolumeRows()
                && TableSnapshot.count(stack.clickhouse, database, "dead_letters") >= labels.expectedDeadLetters();
    }

    /** Waits until every alerting series of the run's alerts table was paged and resolved. */
    private static void awaitPagesOfAlertsTable(PagerDutyReceiver pager, String database) throws Exception {
        Set<String> keys = new TreeSet<>(strings("SELECT DISTINCT dedup_key FROM `" + database + "`.alerts FINAL"));
        Awaitility.await().atMost(ReliabilityStack.RUN_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            Map<String, List<String>> incidents = Paging.incidents(pager);
            return incidents.keySet().equals(keys) && incidents.values().stream()
                    .allMatch(a -> a.get(a.size() - 1).equals(Paging.RESOLVE));
        });
    }

    private static long count(String database, String tableAndFilter) throws Exception {
        return Long.parseLong(strings("SELECT count() FROM `" + database + "`." + tableAndFilter).get(0));
    }

    private static List<String> strings(String sql) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = stack.clickhouse.openConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
