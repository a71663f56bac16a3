package io.driftwatch.localstack.flink;

import io.driftwatch.localstack.process.FreePorts;
import org.apache.flink.configuration.MemorySize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the {@code config.yaml} (and a log4j2 configuration) of a local session cluster.
 *
 * <p>Keys follow the recipe that was seen to work here (shared/recipes/flink-cluster.md); heartbeat
 * interval and timeout are lowered from Flink's 10 s / 50 s so a killed TaskManager is noticed in
 * seconds (recovery took ~15 s with the defaults, ~2.5 s with these).
 */
final class FlinkConfigFile {

    static final String CONFIG_FILE = "config.yaml";
    static final String LOG4J_FILE = "log4j2.properties";
    /** How often JobManager and TaskManagers exchange heartbeats. */
    static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(1);
    /** After this long without a heartbeat a TaskManager counts as lost. */
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(5);

    /** Log4j 2 config: INFO to stdout, which {@code ChildJvm} sends to the process's log file. */
    private static final String LOG4J_CONFIG = """
            rootLogger.level = INFO
            rootLogger.appenderRef.console.ref = ConsoleAppender
            appender.console.name = ConsoleAppender
            appender.console.type = CONSOLE
            appender.console.layout.type = PatternLayout
            appender.console.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-60c %x - %m%n
            logger.pekko.name = org.apache.pekko
            logger.pekko.level = WARN
            logger.netty.name = org.apache.flink.shaded.netty4
            logger.netty.level = WARN
            """;

    private FlinkConfigFile() {
    }

    /** Where the cluster listens; the ports are fixed before any JVM starts. */
    record Endpoints(int rpcPort, int restPort) {
    }

    /** The settings of a cluster in {@code workDir}: the recipe's, then {@code overrides} on top. */
    static Map<String, String> settings(FlinkClusterSpec spec, Path workDir, Endpoints endpoints) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("jobmanager.bind-host", FreePorts.LOOPBACK);
        s.put("jobmanager.rpc.address", FreePorts.LOOPBACK);
        s.put("jobmanager.rpc.port", Integer.toString(endpoints.rpcPort()));
        s.put("jobmanager.memory.process.size", bytes(spec.jobManagerMemory()));
        s.put("taskmanager.bind-host", FreePorts.LOOPBACK);
        s.put("taskmanager.host", FreePorts.LOOPBACK);
        s.put("taskmanager.numberOfTaskSlots", Integer.toString(spec.slotsPerTaskManager()));
        s.put("taskmanager.load-balance.mode", "SLOTS");
        s.put("taskmanager.memory.process.size", bytes(spec.taskManagerMemory()));
        s.put("rest.address", FreePorts.LOOPBACK);
        s.put("rest.bind-address", FreePorts.LOOPBACK);
        s.put("rest.port", Integer.toString(endpoints.restPort()));
        s.put("web.upload.dir", workDir.resolve("web-upload").toString());
        s.put("io.tmp.dirs", workDir.resolve("tmp").toString());
        s.put("state.backend.type", "hashmap");
        s.put("state.checkpoints.dir", workDir.resolve("checkpoints").toUri().toString());
        s.put("state.savepoints.dir", workDir.resolve("savepoints").toUri().toString());
        s.put("execution.checkpointing.interval", millis(spec.checkpointInterval()));
        s.put("restart-strategy.type", "fixed-delay");
        s.put("restart-strategy.fixed-delay.attempts", Integer.toString(spec.restartAttempts()));
        s.put("restart-strategy.fixed-delay.delay", millis(spec.restartDelay()));
        s.put("heartbeat.interval", Long.toString(HEARTBEAT_INTERVAL.toMillis()));
        s.put("heartbeat.timeout", Long.toString(HEARTBEAT_TIMEOUT.toMillis()));
        s.put("env.java.opts.all", FlinkJvmOptions.jdkOpensLine());
        s.putAll(spec.overrides());
        return s;
    }

    /** Writes {@code config.yaml} and the log4j2 file into {@code confDir}. */
    static void write(Path confDir, Map<String, String> settings) {
        String yaml = settings.entrySet().stream()
                .map(e -> e.getKey() + ": " + quoted(e.getValue()))
                .collect(Collectors.joining("\n", "# written by Driftwatch FlinkCluster\n", "\n"));
        try {
            Files.createDirectories(confDir);
            Files.writeString(confDir.resolve(CONFIG_FILE), yaml, StandardCharsets.UTF_8);
            Files.writeString(confDir.resolve(LOG4J_FILE), LOG4J_CONFIG, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Flink configuration into " + confDir, e);
        }
    }

    /** A YAML double-quoted scalar (Flink parses every value from its string form). */
    static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String bytes(MemorySize size) {
        return size.getBytes() + "b";
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
