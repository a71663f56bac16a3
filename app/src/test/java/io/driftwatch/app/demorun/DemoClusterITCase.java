package io.driftwatch.app.demorun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code driftwatch demo --cluster}, shortened, as a user runs it (the shaded jar in its own process): the
 * job runs on a JobManager and two TaskManager JVMs, writes windows to ClickHouse, and every JVM is gone after.
 */
class DemoClusterITCase {

    private static final Path JAR = Path.of("target", "driftwatch.jar");
    /** Traffic time: at 10 simulated minutes per second a 2 h window closes every 12 s. */
    private static final String DURATION = "40s";
    /** Start-up (stack, cluster) + traffic + the demo's drain, with room for a busy machine. */
    private static final long TIMEOUT_MINUTES = 5;

    @Test
    void runsTheJobOnALocalMultiProcessCluster(@TempDir Path dataDir) throws Exception {
        assertThat(JAR).as("the shaded jar is built in the package phase").exists();
        Process demo = new ProcessBuilder("java", "-jar", JAR.toString(), "demo", "--cluster", "--duration", DURATION,
                "--data-dir", dataDir.toString()).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        List<ProcessHandle> children = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(line -> {
                    output.add(line);
                    if (line.startsWith("Flink job running on a local cluster")) {
                        demo.toHandle().descendants().forEach(children::add);
                    }
                });
            } catch (Exception ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            assertThat(demo.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)).as("demo finished").isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(10));
            String out = String.join("\n", output);
            assertThat(demo.exitValue()).as(out).isZero();
            assertThat(out).contains("Flink job running on a local cluster: JobManager + 2 TaskManager JVMs, parallelism 4")
                    .containsPattern("windows written [1-9]").containsPattern("dead letters [1-9]");
            Path logs = dataDir.resolve("flink").resolve("log");
            assertThat(Files.readString(logs.resolve("jobmanager.log")))
                    .containsPattern("Job driftwatch \\([0-9a-f]{32}\\) switched from state CREATED to RUNNING");
            try (Stream<Path> files = Files.list(logs)) {
                assertThat(files.filter(f -> f.getFileName().toString().startsWith("taskmanager-")))
                        .as("TaskManager JVMs").hasSizeGreaterThanOrEqualTo(DemoClusterJob.TASK_MANAGERS);
            }
            assertThat(children).as("processes while the demo ran").isNotEmpty();
            await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            demo.destroyForcibly();
            demo.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }
}
