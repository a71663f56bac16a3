package io.driftwatch.localstack.kafka;

import io.driftwatch.localstack.process.ChildJvm;
import io.driftwatch.localstack.process.ChildService;
import io.driftwatch.localstack.process.FreePorts;
import io.driftwatch.localstack.process.ReadinessProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Apache Kafka broker (KRaft, broker and controller combined) on 127.0.0.1 in a child JVM.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
 *     kafka.createTopic("predictions", 4, Map.of());
 *     ... kafka.bootstrapServers() ...
 * }
 * }</pre>
 *
 * <p>{@link #stop()} ends the broker gracefully and keeps log dir and ports, so {@link #restart()}
 * brings it back with its topics and records. {@link #close()} also deletes a temp log dir. See
 * {@link KafkaBrokerConfig#defaults} for the broker settings (unlimited retention among them).
 */
public final class EmbeddedKafka implements AutoCloseable {

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(90);
    /** Heap of the broker JVM: plenty for test traffic, small enough for several side by side. */
    static final String CHILD_HEAP = "-Xmx512m";
    /** Kafka logs through log4j2 when it is on the classpath; INFO keeps startup errors in the log. */
    static final String CHILD_LOG_LEVEL = "-Dorg.apache.logging.log4j.level=INFO";
    /** A graceful (controlled) shutdown of a single node takes a few seconds. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** Bound of each admin call. */
    static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    /** Bound of the admin call inside the readiness probe, which is retried. */
    static final Duration PROBE_ADMIN_TIMEOUT = Duration.ofSeconds(2);
    static final short REPLICATION_FACTOR = 1;

    private final Path logDir;
    private final Path tempRoot;
    private final Path logFile;
    private final int port;
    private final int controllerPort;
    private final Map<String, String> brokerConfig;
    private final Duration readyTimeout;
    private final String clusterId;
    private final ChildService service;

    private EmbeddedKafka(Builder b) {
        try {
            this.tempRoot = b.logDir == null ? Files.createTempDirectory("driftwatch-kafka-") : null;
            this.logDir = b.logDir == null ? tempRoot : b.logDir.toAbsolutePath();
            Files.createDirectories(logDir);
            this.logFile = b.logFile != null ? b.logFile.toAbsolutePath() : logDir.resolve("kafka.log");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create Kafka directories", e);
        }
        if (b.port == 0 && b.controllerPort == 0) {
            int[] ports = FreePorts.pick(2);
            this.port = ports[0];
            this.controllerPort = ports[1];
        } else {
            this.port = FreePorts.orFree(b.port);
            this.controllerPort = FreePorts.orFree(b.controllerPort);
        }
        Map<String, String> config = new LinkedHashMap<>(
                KafkaBrokerConfig.defaults(FreePorts.LOOPBACK, port, controllerPort, logDir.resolve("data")));
        config.putAll(b.brokerConfig);
        this.brokerConfig = Map.copyOf(config);
        this.clusterId = existingClusterId(logDir.resolve("data")).orElseGet(() -> Uuid.randomUuid().toString());
        this.service = new ChildService("Embedded Kafka", STOP_GRACE, tempRoot);
        this.readyTimeout = b.readyTimeout;
    }

    /** A log dir formatted by an earlier run keeps its cluster id: formatting it again with a new id fails. */
    static java.util.Optional<String> existingClusterId(Path dataDir) {
        Path meta = dataDir.resolve("meta.properties");
        if (!Files.isRegularFile(meta)) {
            return java.util.Optional.empty();
        }
        java.util.Properties properties = new java.util.Properties();
        try (var in = Files.newInputStream(meta)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + meta, e);
        }
        return java.util.Optional.ofNullable(properties.getProperty("cluster.id"));
    }

    /**
     * Starts a new broker on a temp log dir and free ports. Static: to start an existing instance again
     * use {@link #restart()}.
     */
    public static EmbeddedKafka start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the broker again on the same log dir and ports (stopping it first if it runs); returns once
     * it answers admin requests.
     *
     * @throws IllegalStateException if it does not become ready (the message includes the end of its log)
     */
    public synchronized EmbeddedKafka restart() {
        service.restart(() -> ChildJvm.builder(KafkaServerMain.class.getName())
                        .jvmArgs(ChildJvm.LEAN_JVM_OPTIONS).jvmArgs(List.of(CHILD_HEAP, CHILD_LOG_LEVEL))
                        .args(List.of(writeProperties().toString(), clusterId))
                        .workingDir(logDir)
                        .logFile(logFile)
                        .displayName("Kafka(" + bootstrapServers() + ")")
                        .build().start(),
                process -> {
                    try (Admin admin = admin()) {
                        process.awaitReady(ReadinessProbe.portOpen(FreePorts.LOOPBACK, port)
                                .and(() -> brokerAnswers(admin)), readyTimeout);
                    }
                });
        return this;
    }

    /** Stops the broker gracefully (data kept for {@link #restart()}); no-op if not running. */
    public synchronized void stop() {
        service.stop();
    }

    /** Stops the broker and deletes the log dir if it was created as a temp dir. */
    @Override
    public synchronized void close() {
        service.close();
    }

    /**
     * Creates a topic with replication factor 1.
     *
     * @param config topic configs such as {@code retention.ms}; may be empty
     * @throws IllegalStateException if Kafka refuses (e.g. the topic exists) or does not answer in time
     */
    public void createTopic(String name, int partitions, Map<String, String> config) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
        }
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, REPLICATION_FACTOR).configs(config)))
                    .all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create topic " + name + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Creating topic " + name + " timed out after " + ADMIN_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        }
    }

    /** An admin client for this broker; the caller closes it. */
    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        return Admin.create(props);
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return FreePorts.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    public Path logFile() {
        return logFile;
    }

    /** The effective broker configuration. */
    public Map<String, String> brokerConfig() {
        return brokerConfig;
    }

    public synchronized boolean isRunning() {
        return service.isRunning();
    }

    /** The broker's child process while running, e.g. to check it is gone after {@link #close()}. */
    public synchronized Optional<ProcessHandle> processHandle() {
        return service.processHandle();
    }

    private static boolean brokerAnswers(Admin admin) {
        try {
            return !admin.describeCluster().nodes().get(PROBE_ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path writeProperties() {
        Path file = logDir.resolve("server.properties");
        Properties props = new Properties();
        props.putAll(brokerConfig);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(out, "written by EmbeddedKafka");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
        return file;
    }

    /** Builder; every setting is optional. */
    public static final class Builder {
        private Path logDir;
        private Path logFile;
        private int port;
        private int controllerPort;
        private final Map<String, String> brokerConfig = new LinkedHashMap<>();
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;

        private Builder() {
        }

        /** Directory for data and config, kept on close; default a temp dir deleted on close. */
        public Builder logDir(Path dir) {
            this.logDir = dir;
            return this;
        }

        /** Broker output; default {@code kafka.log} in the log dir. */
        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        /** Client (PLAINTEXT) port; 0 (default) picks a free one. */
        public Builder port(int clientPort) {
            this.port = clientPort;
            return this;
        }

        /** KRaft controller port; 0 (default) picks a free one. */
        public Builder controllerPort(int port) {
            this.controllerPort = port;
            return this;
        }

        /** Overrides or adds one broker setting on top of the defaults. */
        public Builder brokerConfig(String key, String value) {
            brokerConfig.put(key, value);
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("readyTimeout must be positive, was " + timeout);
            }
            this.readyTimeout = timeout;
            return this;
        }

        /** Creates the broker without starting it. */
        public EmbeddedKafka build() {
            return new EmbeddedKafka(this);
        }

        /** Creates and starts the broker. */
        public EmbeddedKafka start() {
            EmbeddedKafka kafka = build();
            try {
                return kafka.restart();
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
        }
    }
}
