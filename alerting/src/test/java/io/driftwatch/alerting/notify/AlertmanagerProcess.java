package io.driftwatch.alerting.notify;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager}) on a free loopback port, without
 * clustering, with its config and storage in a temporary directory. When the binary is missing it is
 * installed with apt-get if this JVM runs as root; otherwise starting fails with the command to run.
 * {@link #close()} stops it (a shutdown hook does too, should the JVM exit first).
 */
final class AlertmanagerProcess implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    static final String PACKAGE = "prometheus-alertmanager";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final int ROOT_UID = 0;

    private final Process process;
    private final Path log;
    private final int port;
    private final Thread shutdownHook;

    private AlertmanagerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.shutdownHook = new Thread(process::destroyForcibly, "alertmanager-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts Alertmanager with {@code configYaml} and waits until {@code /-/ready} answers 200. */
    static AlertmanagerProcess start(String configYaml, Path workDir) throws IOException, InterruptedException {
        ensureInstalled();
        Path config = workDir.resolve("alertmanager.yml");
        Files.writeString(config, configYaml, StandardCharsets.UTF_8);
        Path storage = Files.createDirectories(workDir.resolve("data"));
        Path log = workDir.resolve("alertmanager.log");
        int port = freePort();
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.path=" + storage, "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AlertmanagerProcess am = new AlertmanagerProcess(process, log, port);
        HttpClient client = HttpClient.newHttpClient();
        try {
            await("Alertmanager ready on port " + port).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Alertmanager exited with " + process.exitValue() + ":\n"
                                    + am.logText());
                        }
                        try {
                            return client.send(HttpRequest.newBuilder(am.url().resolve("/-/ready")).build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        } catch (IOException notYet) {
                            return false;
                        }
                    });
        } catch (RuntimeException e) {
            am.close();
            throw e;
        }
        return am;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    static void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        if (new com.sun.security.auth.module.UnixSystem().getUid() != ROOT_UID) {
            throw new IllegalStateException(BINARY + " is missing and this test is not running as root, so it cannot"
                    + " install it. Install it once with: sudo apt-get install -y " + PACKAGE);
        }
        if (run(List.of("apt-get", "install", "-y", "-q", PACKAGE)) != 0) {
            // the package lists may be missing or stale
            run(List.of("apt-get", "update", "-q"));
            int status = run(List.of("apt-get", "install", "-y", "-q", PACKAGE));
            if (status != 0 || !Files.isExecutable(BINARY)) {
                throw new IllegalStateException("apt-get install -y " + PACKAGE + " failed with status " + status);
            }
        }
    }

    /** Runs a command with its output in a temporary file (the test JVM's stdout belongs to failsafe). */
    private static int run(List<String> command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("apt-get", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p = pb.start();
            if (!p.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + INSTALL_TIMEOUT);
            }
            if (p.exitValue() != 0) {
                System.err.println(String.join(" ", command) + " failed:\n" + Files.readString(output));
            }
            return p.exitValue();
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
