package io.driftwatch.app.cluster;

import static org.awaitility.Awaitility.await;

import io.driftwatch.alerting.notify.PagerDutyReceiver;
import io.driftwatch.flink.config.ConfigLoader;
import io.driftwatch.flink.drift.BaselineUpdates;
import io.driftwatch.flink.job.DriftwatchJob;
import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.localstack.flink.FlinkCluster;
import io.driftwatch.localstack.kafka.EmbeddedKafka;
import io.driftwatch.localstack.process.ChildJvm;
import io.driftwatch.schemas.migrate.Migrator;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * What the cluster ITCases share: embedded Kafka and ClickHouse, one multi-process Flink cluster (JobManager +
 * {@value #TASK_MANAGERS} TaskManagers of {@value #SLOTS} slots, on a classpath without Driftwatch's classes and
 * the Kafka connector, as a Flink distribution, so the job runs from the shaded jar alone), the {@link KnownTraffic} input, and the reference
 * result: the same job on a MiniCluster in this JVM.
 *
 * <p>Each run gets its own input and labels topics (holding the same events), consumer group, ClickHouse database,
 * and rules file ({@link AlertRules}) paging its own local PagerDuty receiver. The cluster checkpoints only when a
 * test triggers it ({@link #CHECKPOINT_INTERVAL} is far beyond a test), so it pages only then (pages go out when
 * the checkpoint holding them completed, alerting/RULES.md "Delivery guarantees"); the reference checkpoints every
 * {@link #REFERENCE_CHECKPOINT_INTERVAL}.
 */
final class PipelineStack implements AutoCloseable {

    static final Path SHADED_JAR = Path.of("target", "driftwatch.jar").toAbsolutePath();
    static final int TASK_MANAGERS = 2;
    static final int SLOTS = 2;
    static final int PARALLELISM = TASK_MANAGERS * SLOTS;
    /** The MiniCluster reference runs at another parallelism than the cluster: the result must not care. */
    static final int REFERENCE_PARALLELISM = 2;
    static final MemorySize JOB_MANAGER_MEMORY = MemorySize.parse("768m");
    static final MemorySize TASK_MANAGER_MEMORY = MemorySize.parse("1024m");
    /** The heap state backend needs no managed memory; the small TaskManagers give it to the task heap. */
    static final String MANAGED_FRACTION = "0.05";
    static final Duration CHECKPOINT_INTERVAL = Duration.ofHours(1);
    static final Duration RESTART_DELAY = Duration.ofSeconds(1);
    static final int CLUSTER_START_ATTEMPTS = 2;
    static final Duration RESULT_TIMEOUT = Duration.ofMinutes(2);
    static final Duration POLL = Duration.ofMillis(500);
    /** Counts unchanged this long after the last window's volume row: the other sinks have flushed too. */
    static final Duration SETTLED = Duration.ofSeconds(3);
    static final String DEAD_LETTER_TOPIC = "it-dead-letters";
    static final Duration REFERENCE_CHECKPOINT_INTERVAL = Duration.ofMillis(500);
    static final Path WORK_ROOT = Path.of("target", "cluster-itcase").toAbsolutePath();

    /**
     * Libraries the job jar brings and a Flink distribution does not have. On the cluster's classpath too,
     * the Kafka connector (org.apache.flink.*, loaded parent-first) would link against the cluster's Kafka
     * client while the job links against its own: a LinkageError (loader constraint violation) at submit.
     */
    static final List<String> JOB_LIBRARIES = List.of("flink-connector-kafka", "kafka-clients");


    /** One pipeline run: its input and labels topics, database, job configuration file and PagerDuty receiver. */
    record Run(String name, String topic, String labelsTopic, String database, Path configFile,
               PagerDutyReceiver receiver) {}

    final EmbeddedKafka kafka;
    final EmbeddedClickHouse clickhouse;
    final FlinkCluster cluster;
    final KnownTraffic traffic = new KnownTraffic(KnownTraffic.startOfToday());
    final Map<String, List<String>> reference;
    /** The reference run's pages: per dedup key its event actions in arrival order. */
    final Map<String, List<String>> referencePages;
    private final List<PagerDutyReceiver> receivers = new ArrayList<>();

    PipelineStack() throws Exception {
        if (!Files.isRegularFile(SHADED_JAR)) {
            throw new IllegalStateException(SHADED_JAR + " is missing: it is built in the package phase, before failsafe");
        }
        Path work = WORK_ROOT.resolve(UUID.randomUUID().toString());
        CompletableFuture<FlinkCluster> starting = CompletableFuture.supplyAsync(() -> startCluster(work));
        EmbeddedKafka k = null;
        EmbeddedClickHouse ch = null;
        try {
            k = EmbeddedKafka.start();
            ch = EmbeddedClickHouse.start();
            for (String topic : List.of(DEAD_LETTER_TOPIC, BaselineUpdates.DEFAULT_TOPIC)) {
                k.createTopic(topic, 1, Map.of("retention.ms", "-1"));
            }
        } catch (RuntimeException e) {
            closeQuietly(k, ch, starting.exceptionally(t -> null).join());
            throw e;
        }
        this.kafka = k;
        this.clickhouse = ch;
        this.cluster = starting.exceptionally(t -> null).join();
        if (cluster == null) {
            closeQuietly(kafka, clickhouse, null);
            starting.join(); // rethrows why the cluster did not start
        }
        Run referenceRun = newRun("reference");
        this.reference = runReference(referenceRun);
        this.referencePages = AlertRules.pagesByDedupKey(referenceRun.receiver());
    }

    /**
     * Starts the cluster, once more if a port it picked was taken before its JVM bound it (other processes on
     * a shared machine pick free ports too).
     */
    private static FlinkCluster startCluster(Path work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tryStartCluster(work.resolve("flink-" + attempt));
            } catch (IllegalStateException e) {
                if (attempt >= CLUSTER_START_ATTEMPTS || !String.valueOf(e.getMessage()).contains("BindException")) {
                    throw e;
                }
            }
        }
    }

    private static FlinkCluster tryStartCluster(Path work) {
        try {
            return FlinkCluster.builder().taskManagers(TASK_MANAGERS).slotsPerTaskManager(SLOTS)
                    .jobManagerMemory(JOB_MANAGER_MEMORY).taskManagerMemory(TASK_MANAGER_MEMORY)
                    .config("taskmanager.memory.managed.fraction", MANAGED_FRACTION)
                    .checkpointInterval(CHECKPOINT_INTERVAL)
                    .restarts(FlinkCluster.DEFAULT_RESTART_ATTEMPTS, RESTART_DELAY)
                    .jvmOptions(ChildJvm.LEAN_JVM_OPTIONS)
                    .classpath(flinkClasspath())
                    .workDir(work)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot build the cluster classpath", e);
        }
    }

    /** A new run: input and labels topics with every partition, empty migrated database, receiver, config file. */
    Run newRun(String name) throws IOException, SQLException {
        String topic = "in-" + name;
        String labelsTopic = "labels-" + name;
        String database = "run_" + name;
        kafka.createTopic(topic, KnownTraffic.PARTITIONS, Map.of("retention.ms", "-1"));
        kafka.createTopic(labelsTopic, KnownTraffic.PARTITIONS, Map.of("retention.ms", "-1"));
        try (Connection c = clickhouse.openConnection()) {
            c.createStatement().execute("CREATE DATABASE IF NOT EXISTS " + database);
            Migrator.builder().database(database).build().migrate(c);
        }
        PagerDutyReceiver receiver = new PagerDutyReceiver();
        receivers.add(receiver);
        Path runDir = WORK_ROOT.resolve(name + "-" + UUID.randomUUID());
        Files.createDirectories(runDir);
        Path rules = AlertRules.write(runDir, receiver.url());
        Path config = runDir.resolve("driftwatch.yaml");
        Files.writeString(config, configYaml(topic, labelsTopic, database, "it-" + name, rules), StandardCharsets.UTF_8);
        return new Run(name, topic, labelsTopic, database, config, receiver);
    }

    void produce(Run run, List<KnownTraffic.Event> events) throws Exception {
        KnownTraffic.produce(kafka.bootstrapServers(), run.topic(), run.labelsTopic(), events);
    }

    /** Submits the shaded jar with the run's config over REST; returns the job id. */
    String submit(Run run, int parallelism) {
        return cluster.rest().submitJar(SHADED_JAR, DriftwatchSubmission.run(run.configFile(), parallelism));
    }

    String submitFromSavepoint(Run run, int parallelism, String savepoint) {
        return cluster.rest().submitJar(SHADED_JAR, DriftwatchSubmission.run(run.configFile(), parallelism)
                .fromSavepoint(savepoint));
    }

    Map<String, List<String>> snapshot(Run run) throws SQLException {
        try (Connection c = clickhouse.openConnection()) {
            return ResultTables.snapshot(c, run.database(), Map.of(run.topic(), "<input>", run.labelsTopic(), "<labels>"));
        }
    }

    long[] volumeTotals(Run run) throws SQLException {
        try (Connection c = clickhouse.openConnection()) {
            return ResultTables.volumeTotals(c, run.database());
        }
    }

    /** Waits until the run has at least {@code rows} volume rows (one per series and fired window). */
    void awaitVolumeRows(Run run, int rows) {
        await().atMost(RESULT_TIMEOUT).pollInterval(POLL).until(() -> volumeTotals(run)[1] >= rows);
    }

    /**
     * Produces windows {@code [0, 2)} and waits until window 0 fired for every series: see
     * {@link KnownTraffic#FRAMED_FROM}; the caller then produces the rest.
     */
    void produceUntilFramed(Run run) throws Exception {
        produce(run, traffic.windows(0, KnownTraffic.FRAMED_FROM));
        awaitVolumeRows(run, KnownTraffic.KEYS);
    }

    /** Waits until the run's tables hold exactly the reference's rows; returns its snapshot (for the assertion). */
    Map<String, List<String>> awaitReferenceRows(Run run) {
        AtomicReference<Map<String, List<String>>> last = new AtomicReference<>();
        try {
            await().atMost(RESULT_TIMEOUT).pollInterval(POLL).until(() -> {
                last.set(snapshot(run));
                return last.get().equals(reference);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the caller's assertion shows the difference
        }
        return last.get();
    }

    /** The reference: the job on a MiniCluster in this JVM over the whole input, settled, its pages delivered. */
    private Map<String, List<String>> runReference(Run run) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(REFERENCE_PARALLELISM);
        env.enableCheckpointing(REFERENCE_CHECKPOINT_INTERVAL.toMillis());
        DriftwatchJob.production(env, new ConfigLoader().load(run.configFile()));
        JobClient job = env.executeAsync("driftwatch-reference");
        try {
            produceUntilFramed(run);
            produce(run, traffic.windows(KnownTraffic.FRAMED_FROM, KnownTraffic.WINDOWS));
            await().atMost(RESULT_TIMEOUT).pollInterval(POLL).until(() -> {
                long[] totals = volumeTotals(run);
                return totals[0] == KnownTraffic.VALID_EVENTS && totals[1] == KnownTraffic.FIRED_WINDOWS;
            });
            // the whole snapshot, not only counts: label metrics are revised in place as labels arrive
            AtomicReference<Map<String, List<String>>> rows = new AtomicReference<>(Map.of());
            await().atMost(RESULT_TIMEOUT).pollInterval(POLL).during(SETTLED).until(() -> {
                Map<String, List<String>> now = snapshot(run);
                return now.equals(rows.getAndSet(now));
            });
            Map<String, List<String>> settled = snapshot(run);
            int pages = AlertRules.pagedEvents(settled.getOrDefault("alerts", List.of()));
            await().atMost(RESULT_TIMEOUT).pollInterval(POLL).until(() -> run.receiver().accepted().size() >= pages);
            return settled;
        } finally {
            job.cancel().get();
        }
    }

    private String configYaml(String topic, String labelsTopic, String database, String group, Path rules) {
        return """
                kafka:
                  bootstrap_servers: %s
                  topics:
                    predictions: %s
                    labels: %s
                    dead_letter: %s
                  consumer_group: %s
                clickhouse:
                  url: %s
                  user: default
                  database: %s
                windows:
                  size: %ds
                  allowed_lateness: 0s
                  out_of_orderness: 0s
                  idleness: 0s
                baselines:
                  default:
                    kind: rolling
                    windows: %d
                segments:
                  default:
                    keys: [country]
                sink:
                  batch_rows: 10000
                  flush_interval: 200ms
                labels:
                  default:
                    task: binary
                    horizon: 1h
                    pending_label_wait: 5m
                    emit_interval: 30s
                    min_coverage: 0.5
                  fraud:
                    threshold: 0.6
                alerting:
                  rules: %s
                """.formatted(kafka.bootstrapServers(), topic, labelsTopic, DEAD_LETTER_TOPIC, group,
                clickhouse.jdbcUrl(database), database, KnownTraffic.WINDOW_MILLIS / 1000, KnownTraffic.ROLLING_WINDOWS,
                rules);
    }

    /**
     * This JVM's classpath (failsafe's manifest-only jar expanded) without Driftwatch's own modules: the cluster
     * gets Flink and its libraries, the job brings the rest in the shaded jar.
     */
    static String flinkClasspath() throws IOException {
        // failsafe runs in the module directory; reactor builds put the modules' target/ dirs on the classpath
        Path repository = Path.of("").toAbsolutePath().getParent();
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            for (String e : expand(entry)) {
                boolean ownModule = e.replace(File.separatorChar, '/').contains("/io/driftwatch/")
                        || Path.of(e).toAbsolutePath().startsWith(repository);
                String file = Path.of(e).getFileName().toString();
                boolean jobLibrary = JOB_LIBRARIES.stream().anyMatch(file::startsWith);
                if (!ownModule && !jobLibrary) {
                    entries.add(e);
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> expand(String entry) throws IOException {
        if (!entry.endsWith(".jar")) {
            return List.of(entry);
        }
        try (JarFile jar = new JarFile(entry)) {
            Manifest manifest = jar.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null || jar.size() > 1) {
                return List.of(entry);
            }
            List<String> expanded = new ArrayList<>();
            for (String url : classPath.trim().split("\\s+")) {
                expanded.add(Path.of(URI.create(new URL(Path.of(entry).toUri().toURL(), url).toString())).toString());
            }
            return expanded;
        }
    }

    @Override
    public void close() {
        closeQuietly(receivers.toArray(AutoCloseable[]::new));
        closeQuietly(kafka, clickhouse, cluster);
    }

    private static void closeQuietly(AutoCloseable... resources) {
        for (AutoCloseable r : resources) {
            if (r != null) {
                try {
                    r.close();
                } catch (Exception e) {
                    System.err.println("closing " + r + ": " + e);
                }
            }
        }
    }
}
