package io.driftwatch.app.demorun;

import io.driftwatch.app.demo.ClockAcceleration;
import io.driftwatch.app.demo.EventPacer;
import io.driftwatch.app.demo.TrafficGenerator;
import io.driftwatch.app.demo.TrafficOptions;
import io.driftwatch.flink.baseline.BaselineStore;
import io.driftwatch.flink.drift.BaselineUpdates;
import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.localstack.kafka.EmbeddedKafka;
import io.driftwatch.schemas.migrate.Migrator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The newcomer's first command: embedded Kafka and ClickHouse, the Driftwatch job on a local Flink MiniCluster
 * (or, with {@code --cluster}, on a local multi-process cluster: {@link DemoClusterJob}), and realistic traffic with a drift injected into one segment, with a live summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run Driftwatch end to end on embedded Kafka, ClickHouse and Flink with generated traffic.")
public final class DemoCommand implements Callable<Integer> {

    /** How often the live summary is printed. */
    static final Duration SUMMARY_EVERY = Duration.ofSeconds(10);
    /** Partitions of the predictions topic: more than the MiniCluster's parallelism, as in production. */
    static final int PARTITIONS = 4;
    /** Time given to the job after the traffic stops, so the last complete windows reach ClickHouse. */
    static final Duration DRAIN = Duration.ofSeconds(15);

    @Option(names = "--duration", defaultValue = "3m", converter = DurationConverter.class,
            description = "How long to play traffic, e.g. 90s, 3m (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--rate", defaultValue = "" + TrafficOptions.DEFAULT_EVENTS_PER_SECOND,
            description = "Predictions per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", defaultValue = "42", description = "Traffic seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data-dir", defaultValue = "data/demo",
            description = "Where Kafka and ClickHouse keep their data; kept after the demo (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--cluster",
            description = "Run the job on a local multi-process Flink cluster (a JobManager and two TaskManager JVMs, "
                    + "the shaded jar submitted over REST) instead of a MiniCluster in this JVM.")
    boolean cluster;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested.countDown();
            try {
                finished.await(DRAIN.toSeconds() + 60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-shutdown"));
        try {
            return run(stopRequested);
        } finally {
            finished.countDown();
        }
    }

    private int run(CountDownLatch stopRequested) throws Exception {
        out.println("Starting embedded ClickHouse and Kafka (data in " + dataDir.toAbsolutePath() + ")...");
        try (EmbeddedClickHouse clickhouse = EmbeddedClickHouse.builder().dataDir(dataDir.resolve("clickhouse")).start();
             EmbeddedKafka kafka = EmbeddedKafka.builder().logDir(dataDir.resolve("kafka")).start()) {
            String database = Migrator.DEFAULT_DATABASE;
            try (Connection c = clickhouse.openConnection()) {
                Migrator.driftwatch().migrate(c);
            }
            Map<String, String> keepForever = Map.of("retention.ms", "-1");
            for (String topic : new String[] {DemoJobConfig.PREDICTIONS_TOPIC, DemoJobConfig.LABELS_TOPIC,
                    DemoJobConfig.DEAD_LETTER_TOPIC, BaselineUpdates.DEFAULT_TOPIC}) {
                if (!kafka.admin().listTopics().names().get().contains(topic)) {
                    kafka.createTopic(topic, PARTITIONS, keepForever);
                }
            }
            Supplier<Connection> connections = () -> {
                try {
                    return clickhouse.openConnection();
                } catch (SQLException e) {
                    throw new IllegalStateException("ClickHouse: " + e.getMessage(), e);
                }
            };
            TrafficOptions options = TrafficOptions.defaults(seed).withPace(rate, ClockAcceleration.DEFAULT);
            TrafficGenerator traffic = new TrafficGenerator(options);
            out.println("Storing " + DemoBaselines.STORED.modelId() + "'s training distribution as its baseline; "
                    + "the other model compares each segment with its own previous windows...");
            DemoBaselines.store(traffic, new BaselineStore(clickhouse::openConnection, database));

            DemoPager pager = new DemoPager(out);
            Path rules = pager.writeRules(dataDir);
            out.println("Alert rules in " + rules + "; pages go to a local PagerDuty receiver at " + pager.url()
                    + " and are printed as PAGE lines.");
            try (pager; DemoJob job = startJob(kafka.bootstrapServers(), clickhouse.jdbcUrl(database), database, rules);
                 DemoTraffic player = new DemoTraffic(traffic, kafka.bootstrapServers())) {
                out.printf("%s.%nPlaying %.0f predictions/s for %s; "
                        + "drift is injected into %s after %d predictions.%n", job.describe(), rate, duration,
                        traffic.injectedDrift().segment(), TrafficOptions.DEFAULT_DRIFT_AFTER);
                DemoSummary summary = new DemoSummary(connections, database);
                Instant end = Instant.now().plus(duration);
                LiveSummary live = new LiveSummary(player, summary, out);
                player.play(new EventPacer(rate, EventPacer.Clock.system()),
                        () -> stopRequested.getCount() > 0 && Instant.now().isBefore(end) && live.tick());
                out.println("Traffic stopped; letting the job write its last windows...");
                stopRequested.await(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
                live.print();
                out.println("Pages: " + pager.triggers() + " trigger(s), " + pager.resolves() + " resolve(s).");
                return verdict(summary, traffic, player);
            } finally {
                out.println();
                out.println("Stopped. The results stay in " + dataDir.resolve("clickhouse") + "; query them with e.g.");
                out.println("  ./driftwatch sql --data-dir " + dataDir + " \"SELECT feature, segment, max(statistic) "
                        + "FROM driftwatch.feature_drift FINAL WHERE drift GROUP BY feature, segment ORDER BY 3 DESC LIMIT 10\"");
            }
        }
    }

    private DemoJob startJob(String bootstrapServers, String jdbcUrl, String database, Path rules) throws Exception {
        if (!cluster) {
            return DemoJob.onMiniCluster(DemoJobConfig.create(bootstrapServers, jdbcUrl, database, rules));
        }
        String yaml = DemoJobConfig.yaml(bootstrapServers, jdbcUrl, database, rules);
        DemoJobConfig.create(bootstrapServers, jdbcUrl, database, rules); // fails here, not on the cluster, if invalid
        out.println("Starting a local Flink cluster (JobManager and " + DemoClusterJob.TASK_MANAGERS
                + " TaskManager JVMs) and submitting the job...");
        return DemoClusterJob.start(dataDir.resolve("flink"), yaml);
    }

    private int verdict(DemoSummary summary, TrafficGenerator traffic, DemoTraffic player) throws SQLException {
        if (player.driftStartMillis() == Long.MAX_VALUE) {
            out.println("The drift point was not reached; run longer (e.g. --duration 3m) to see it detected.");
            return 0;
        }
        Instant driftStart = Instant.ofEpochMilli(player.driftStartMillis());
        TreeSet<String> detected = summary.driftedSeries(driftStart);
        TreeSet<String> falseAlarms = summary.falseAlarms(driftStart);
        TreeSet<String> expected = DemoSummary.expectedSeries(traffic.injectedDrift());
        double[] latency = summary.latencyP50BeforeAfter(traffic.injectedDrift().latencyModel().modelId(), driftStart);
        out.println();
        out.println("Injected drift : " + expected);
        out.println("Detected drift : " + detected + "  (" + DemoSummary.VERDICT_TEST + " >= "
                + DemoJobConfig.PSI_THRESHOLD + " in " + DemoSummary.DRIFTED_WINDOWS + "+ windows since " + driftStart + ")");
        out.println("Before the drift: " + (falseAlarms.isEmpty() ? "no series flagged" : "flagged " + falseAlarms));
        out.println(detected.equals(expected) ? "=> drift detected on exactly the injected features."
                : "=> detected and injected drift differ.");
        out.printf("Latency p50 of %s: %.1f ms before, %.1f ms after the regression.%n",
                traffic.injectedDrift().latencyModel().modelId(), latency[0], latency[1]);
        List<DemoSummary.LabelMetrics> labels = summary.labelMetrics();
        out.println("Labels so far  : " + (labels.isEmpty() ? "none joined yet (labels come hours of event time later)"
                : labels.stream().map(DemoSummary.LabelMetrics::toString).collect(Collectors.joining("; "))));
        return 0;
    }
}
