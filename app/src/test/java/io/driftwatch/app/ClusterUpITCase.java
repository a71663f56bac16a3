package io.driftwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.app.cluster.SquareSumJob;
import io.driftwatch.localstack.flink.FlinkRestClient;
import io.driftwatch.localstack.flink.JobState;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code driftwatch cluster up} as a user runs it (the shaded jar in its own process), a job jar submitted
 * with {@code driftwatch submit}, and nothing left running after Ctrl-C (SIGINT).
 */
class ClusterUpITCase {

    private static final Path JAR = Path.of("target", "driftwatch.jar");
    private static final Pattern WEB_UI = Pattern.compile("Web UI and REST\\s*:\\s*(http://\\S+)");
    private static final Pattern JOB_ID = Pattern.compile("submitted job ([0-9a-f]{32})");
    private static final long N = 1000;

    @Test
    void upSubmitAndCtrlC(@TempDir Path dir) throws Exception {
        assertThat(JAR).as("the shaded jar is built in the package phase").exists();
        Process up = new ProcessBuilder("java", "-jar", JAR.toString(), "cluster", "up", "--taskmanagers", "1",
                "--rest-port", "0", "--jobmanager-memory", "768m", "--taskmanager-memory", "1024m")
                .redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(up.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(output::add);
            } catch (Exception ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> output.contains("Press Ctrl-C to stop.") || !up.isAlive());
            assertThat(up.isAlive()).as(String.join("\n", output)).isTrue();
            String url = output.stream().map(WEB_UI::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst().orElseThrow();
            FlinkRestClient rest = new FlinkRestClient(URI.create(url));
            assertThat(rest.overview().path("taskmanagers").asInt()).isEqualTo(1);
            List<ProcessHandle> children = up.toHandle().descendants().toList();
            assertThat(children).as("JobManager and TaskManager JVMs").hasSize(2);

            Path result = dir.resolve("sum.txt");
            CliRun submit = CliRun.of("submit", "--cluster", url, "--jar", jobJar(dir).toString(),
                    "--class", SquareSumJob.class.getName(), "--parallelism", "2", "--", Long.toString(N), result.toString());
            assertThat(submit.exitCode()).as(submit.err()).isZero();
            Matcher job = JOB_ID.matcher(submit.out());
            assertThat(job.find()).as(submit.out()).isTrue();
            assertThat(submit.out()).contains(url + "/#/job/");
            assertThat(rest.awaitJobState(job.group(1), JobState.FINISHED::equals, Duration.ofMinutes(1))).isEqualTo(JobState.FINISHED);
            assertThat(Files.readString(result)).isEqualTo(Long.toString(N * (N + 1) * (2 * N + 1) / 6));

            new ProcessBuilder("kill", "-INT", Long.toString(up.pid())).start().waitFor();
            await().atMost(Duration.ofSeconds(60)).until(() -> !up.isAlive());
            await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            reader.join(Duration.ofSeconds(10).toMillis());
            assertThat(output).contains("stopped.");
        } finally {
            up.destroyForcibly();
            up.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** A jar with the job's classes only: the cluster (the shaded CLI jar) does not contain them. */
    private static Path jobJar(Path dir) throws Exception {
        Path classes = Path.of(SquareSumJob.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path pkg = classes.resolve(SquareSumJob.class.getPackageName().replace('.', '/'));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Path jar = dir.resolve("square-sum.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.list(pkg)) {
            for (Path cls : files.filter(p -> p.getFileName().toString().startsWith("SquareSumJob")).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(cls).toString().replace(File.separatorChar, '/')));
                Files.copy(cls, out);
                out.closeEntry();
            }
        }
        return jar;
    }
}
