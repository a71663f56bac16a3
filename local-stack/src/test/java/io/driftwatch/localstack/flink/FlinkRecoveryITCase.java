package io.driftwatch.localstack.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpointed, stateful job submitted as a jar over REST to a two-TaskManager cluster keeps
 * exactly-once results through {@code kill -9} of a TaskManager, and through stop-with-savepoint and a
 * restart at another parallelism. The expected output is the same computation in plain Java.
 */
class FlinkRecoveryITCase {

    static final int TASK_MANAGERS = 2;
    static final int PARALLELISM = 4;
    static final int RESCALED_PARALLELISM = 2;
    static final long KEYS = 8;
    /** Records per second over all subtasks: slow enough to kill mid-stream, fast enough for a short test. */
    static final double RATE = 1000;
    static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);

    static FlinkCluster cluster;
    static Path jar;

    @BeforeAll
    static void startCluster(@TempDir Path jarDir) throws IOException {
        jar = JobJars.build(jarDir.resolve("counting-job.jar"), CountingJob.class, JobArgs.class);
        cluster = TestClusters.small(TASK_MANAGERS).start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void killMinusNineOfATaskManagerLosesNothingAndDoublesNothing(@TempDir Path output) {
        long records = 16_000;
        String job = cluster.submitJar(jar, CountingJob.class.getName(), args(records, output), PARALLELISM);
        FlinkRestClient rest = cluster.rest();
        await().atMost(JOB_TIMEOUT).until(() -> rest.completedCheckpoints(job) >= 2 && keyFiles(output).size() == KEYS);
        assertThat(rest.jobState(job)).as("mid-stream").isEqualTo(JobState.RUNNING);

        long killed = System.nanoTime();
        cluster.killTaskManager(0);
        cluster.startTaskManager();
        long replaced = System.nanoTime();
        await().atMost(JOB_TIMEOUT)
                .failFast("the job ended without being restored from a checkpoint", () -> rest.jobState(job).isGloballyTerminal())
                .until(() -> rest.restoredCheckpoints(job) >= 1 && rest.jobState(job) == JobState.RUNNING);
        long recovered = System.nanoTime();
        System.out.printf("replacement TaskManager registered %d ms after kill -9; job restored and RUNNING after %d ms;"
                        + " TaskManagers that crashed on their own and were replaced: %s%n",
                Duration.ofNanos(replaced - killed).toMillis(), Duration.ofNanos(recovered - killed).toMillis(),
                cluster.crashedTaskManagers());

        assertThat(cluster.awaitJobState(job, JobState.FINISHED::equals, JOB_TIMEOUT)).isEqualTo(JobState.FINISHED);
        assertThat(rest.restoredCheckpoints(job)).as("recovered from a checkpoint, not from scratch").isGreaterThanOrEqualTo(1);
        assertThat(keyFiles(output)).isEqualTo(expected(records));
    }

    @Test
    void stopWithSavepointAndResumeAtAnotherParallelism(@TempDir Path output, @TempDir Path savepoints) {
        long records = 10_000;
        FlinkRestClient rest = cluster.rest();
        String jarId = rest.uploadJar(jar);
        JarRun run = JarRun.of(CountingJob.class.getName(), args(records, output), PARALLELISM);
        String first = rest.runJar(jarId, run);
        await().atMost(JOB_TIMEOUT).until(() -> rest.completedCheckpoints(first) >= 1 && keyFiles(output).size() == KEYS);

        String savepoint = cluster.stopWithSavepoint(first, savepoints, JOB_TIMEOUT);
        assertThat(rest.awaitJobState(first, JobState::isGloballyTerminal, JOB_TIMEOUT)).isEqualTo(JobState.FINISHED);
        Map<Long, String> atSavepoint = keyFiles(output);
        assertThat(atSavepoint).as("stopped mid-stream").isNotEqualTo(expected(records));

        String second = rest.runJar(jarId, run.withParallelism(RESCALED_PARALLELISM).fromSavepoint(savepoint));
        assertThat(rest.awaitJobState(second, JobState.FINISHED::equals, JOB_TIMEOUT)).isEqualTo(JobState.FINISHED);
        assertThat(rest.restoredCheckpoints(second)).isEqualTo(1);
        assertThat(keyFiles(output)).isEqualTo(expected(records));
    }

    private static List<String> args(long records, Path output) {
        return List.of("--records", Long.toString(records), "--keys", Long.toString(KEYS),
                "--rate", Double.toString(RATE), "--output", output.toString());
    }

    /** What a failure-free run writes: per key {@code count,sum} of the values 0..records-1 with that key. */
    static Map<Long, String> expected(long records) {
        long[] count = new long[(int) KEYS];
        long[] sum = new long[(int) KEYS];
        for (long v = 0; v < records; v++) {
            count[(int) (v % KEYS)]++;
            sum[(int) (v % KEYS)] += v;
        }
        Map<Long, String> expected = new TreeMap<>();
        for (int k = 0; k < KEYS; k++) {
            expected.put((long) k, count[k] + "," + sum[k]);
        }
        return expected;
    }

    /** The job's output so far: key to the content of its file. */
    static Map<Long, String> keyFiles(Path output) {
        try (Stream<Path> files = Files.list(output)) {
            Map<Long, String> result = new TreeMap<>();
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("key-")).toList()) {
                result.put(Long.parseLong(file.getFileName().toString().substring("key-".length())),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
