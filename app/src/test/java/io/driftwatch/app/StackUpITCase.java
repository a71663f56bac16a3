package io.driftwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code driftwatch stack up} as a user runs it: the shaded jar in its own process, answering SQL over HTTP,
 * and stopping everything it started on Ctrl-C (SIGINT).
 */
class StackUpITCase {

    private static final Path JAR = Path.of("target", "driftwatch.jar");
    private static final Pattern HTTP_ADDRESS = Pattern.compile("ClickHouse HTTP\\s*:\\s*(http://\\S+)");

    @Test
    void startsAnswersAndLeavesNothingBehindOnCtrlC(@TempDir Path dataDir) throws Exception {
        assertThat(JAR).as("the shaded jar is built in the package phase").exists();
        Process stack = new ProcessBuilder("java", "-jar", JAR.toString(), "stack", "up", "--data-dir",
                dataDir.toString(), "--kafka-port", "0", "--clickhouse-http-port", "0", "--clickhouse-tcp-port", "0")
                .redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(output::add);
            } catch (Exception ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> output.contains("Press Ctrl-C to stop.") || !stack.isAlive());
            assertThat(stack.isAlive()).as(String.join("\n", output)).isTrue();
            String http = output.stream().map(HTTP_ADDRESS::matcher).filter(Matcher::find).map(m -> m.group(1))
                    .findFirst().orElseThrow();
            assertThat(String.join("\n", output)).contains("Kafka bootstrap servers : 127.0.0.1:");

            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(http + "/?query=SELECT%201")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body().trim()).isEqualTo("1");
            List<ProcessHandle> children = stack.toHandle().descendants().toList();
            assertThat(children).as("Kafka and ClickHouse run as child processes").hasSizeGreaterThanOrEqualTo(2);

            new ProcessBuilder("kill", "-INT", Long.toString(stack.pid())).start().waitFor();
            await().atMost(Duration.ofSeconds(60)).until(() -> !stack.isAlive());
            await().atMost(Duration.ofSeconds(30)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
            reader.join(Duration.ofSeconds(10).toMillis());
            assertThat(output).contains("stopped.");
            assertThat(Files.exists(dataDir.resolve("clickhouse"))).as("data kept on disk").isTrue();
        } finally {
            stack.destroyForcibly();
            stack.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }
}
