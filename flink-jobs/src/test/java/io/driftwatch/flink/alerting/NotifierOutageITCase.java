package io.driftwatch.flink.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.alerting.eval.DedupKeys;
import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.notify.CapturedLog;
import io.driftwatch.alerting.notify.PagerDutyReceiver;
import io.driftwatch.alerting.notify.RetryPolicy;
import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.baseline.BaselineStore;
import io.driftwatch.flink.config.ConfigLoader;
import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.drift.ClickHouseBaselineLoader;
import io.driftwatch.flink.job.DriftwatchJob;
import io.driftwatch.flink.job.ResultSinks;
import io.driftwatch.flink.source.PredictionSources;
import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.localstack.kafka.EmbeddedKafka;
import io.driftwatch.schemas.migrate.Migrator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability scenario 4, a notifier outage, in the whole job on real Kafka, a MiniCluster and ClickHouse. The
 * amount feature of three segments drifts in windows 2 and 3 and is clean again from window 4: each series
 * fires and later resolves while the PagerDuty receiver is down (its port closed: connection refused) for
 * longer than {@link io.driftwatch.alerting.notify.RetryPolicy#DEFAULT}'s whole retry budget, twice over. Then a
 * receiver that checks every body against the Events API v2 contract starts on the same port and answers 429
 * (with and without Retry-After) to the first requests, then 202. Every page arrives exactly once per
 * {@code (dedup_key, event_action)}, each trigger before its resolve, the alerts table holds the same events,
 * and the job (restarts disabled) stays RUNNING throughout.
 */
class NotifierOutageITCase {

    private static final String TOPIC = "notifier-outage-it-predictions";
    private static final String DATABASE = Migrator.DEFAULT_DATABASE;
    private static final String RULE = "amount-drift";
    private static final long BASE = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    private static final long SIZE = 60_000;
    private static final int PER_WINDOW = 100;
    private static final long EVENT_SPACING = 500;
    private static final int REFERENCE_SIZE = 150;
    private static final int BINS = 10;
    private static final String[] COUNTRIES = {"DE", "FR", "IT"};
    /** Windows whose amounts are shifted by {@link #SHIFT} standard deviations. */
    private static final Set<Integer> DRIFTING = Set.of(2, 3);
    private static final double SHIFT = 2.0;
    /** Fires in window 2; resolve_after: 2 clean windows (4 and 5) resolves in window 5. */
    private static final int LAST_WINDOW = 5;
    private static final int RESOLVE_AFTER = 2;
    /** Past the out-of-orderness: an event this far into the next window makes the watermark pass the previous. */
    private static final long WATERMARK_PUSH = 2_000;
    private static final String ROUTING_KEY = "R0ut1ngKeyF0rTheNot1f1erOutage00";
    private static final long CHECKPOINT_INTERVAL_MS = 300;
    private static final String CHECKPOINT_PREFIX = "chk-";
    /** Refused attempts before the receiver comes back: RetryPolicy.DEFAULT's whole budget twice over (~25 s). */
    private static final int OUTAGE_ATTEMPTS = 2 * RetryPolicy.DEFAULT.maxAttempts();
    /** 429 answers after the outage: with Retry-After (seconds) and without it (the notifier's own backoff). */
    private static final List<PagerDutyReceiver.Fault> THROTTLING = List.of(
            new PagerDutyReceiver.Fault(429, "1", "{\"status\":\"throttled\"}"),
            new PagerDutyReceiver.Fault(429, null, "{\"status\":\"throttled\"}"),
            new PagerDutyReceiver.Fault(429, "1", "{\"status\":\"throttled\"}"),
            new PagerDutyReceiver.Fault(429, null, "{\"status\":\"throttled\"}"));

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static EmbeddedKafka kafka;
    private static EmbeddedClickHouse clickhouse;
    private static PagerDutyReceiver receiver;
    private static final Random RANDOM = new Random(17);

    @TempDir
    static Path temp;

    @BeforeAll
    static void startStack() throws Exception {
        kafka = EmbeddedKafka.start();
        clickhouse = EmbeddedClickHouse.start();
        kafka.createTopic(TOPIC, 1, Map.of("retention.ms", "-1"));
        try (Connection connection = clickhouse.openConnection()) {
            Migrator.driftwatch().migrate(connection);
        }
        Random random = new Random(7);
        double[] reference = new double[REFERENCE_SIZE];
        for (int i = 0; i < REFERENCE_SIZE; i++) {
            reference[i] = random.nextGaussian();
        }
        new BaselineStore(() -> clickhouse.openConnection(), DATABASE).save("fraud", "v1", Map.of("amount",
                new ReferenceProfile("amount", NumericProfile.fromReference(reference, new Binning.Quantiles(BINS)))), "it");
    }

    @AfterAll
    static void stopStack() {
        Stream.of(receiver, kafka, clickhouse).filter(java.util.Objects::nonNull).forEach(c -> {
            try {
                c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String event(long seq, long time, double amount, String country) {
        return "{\"schema_version\":1,\"prediction_id\":\"p-" + seq + "\",\"model_id\":\"fraud\",\"model_version\":\"v1\","
                + "\"timestamp\":\"" + Instant.ofEpochMilli(time) + "\",\"features\":{\"amount\":" + amount
                + "},\"score\":0.5,\"latency_ms\":5.0,\"segment\":{\"country\":\"" + country + "\"}}";
    }

    /** Windows 0 to {@link #LAST_WINDOW}, then one event that makes the watermark pass the last one. */
    private static void produceAll() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            long seq = 0;
            for (int w = 0; w <= LAST_WINDOW; w++) {
                for (int i = 0; i < PER_WINDOW; i++) {
                    for (String country : COUNTRIES) {
                        double amount = RANDOM.nextGaussian() + (DRIFTING.contains(w) ? SHIFT : 0.0);
                        send(producer, event(seq++, BASE + w * SIZE + i * EVENT_SPACING, amount, country));
                    }
                }
            }
            send(producer, event(seq, BASE + (LAST_WINDOW + 1) * SIZE + WATERMARK_PUSH, 0.0, COUNTRIES[0]));
            producer.flush();
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String json) {
        producer.send(new ProducerRecord<>(TOPIC, 0, null, json.getBytes(StandardCharsets.UTF_8)));
    }

    private static DriftwatchConfig config(int receiverPort) throws IOException {
        Path key = temp.resolve("pd-routing-key");
        Files.writeString(key, ROUTING_KEY + "\n", StandardCharsets.UTF_8);
        Path rules = temp.resolve("rules.yaml");
        Files.writeString(rules, """
                notifiers:
                  - name: pagerduty-oncall
                    type: pagerduty
                    routing_key: ${file:%s}
                    url: http://127.0.0.1:%d%s
                rules:
                  - name: %s
                    selector: {metric: feature_drift, feature: amount, test: ks}
                    condition: {value: p_value, op: "<=", threshold: 0.001}
                    resolve_after: %d
                    severity: critical
                    routes: [pagerduty-oncall]
                """.formatted(key, receiverPort, PagerDutyReceiver.PATH, RULE, RESOLVE_AFTER), StandardCharsets.UTF_8);
        String yaml = "kafka:\n  bootstrap_servers: " + kafka.bootstrapServers() + "\n  topics:\n    predictions: " + TOPIC
                + "\nclickhouse:\n  url: " + clickhouse.jdbcUrl() + "\n  database: " + DATABASE
                + "\nwindows:\n  size: 60s\n  allowed_lateness: 0s\n  out_of_orderness: 1s\n  idleness: 0s\n"
                + "segments:\n  default:\n    keys: [country]\nsink:\n  batch_rows: 1000\n  flush_interval: 200ms\n"
                + "alerting:\n  rules: " + rules + "\n";
        return new ConfigLoader().parse(yaml, "notifier-outage-it");
    }

    private static JobClient start(DriftwatchConfig config) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints().toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        DriftwatchJob.Inputs inputs = new DriftwatchJob.Inputs(PredictionSources.kafka(config)
                .setGroupId("notifier-outage-it").setStartingOffsets(OffsetsInitializer.earliest()).build(), null,
                new ClickHouseBaselineLoader(clickhouse.jdbcUrl(), clickhouse.user(), clickhouse.password(), DATABASE));
        DriftwatchJob.build(env, config, inputs, ResultSinks.clickHouse(config), null);
        return env.executeAsync("notifier-outage-it");
    }

    private static List<String> query(String sql) throws Exception {
        return clickhouse.queryFirstColumn(sql);
    }

    private static String dedupKey(String country) {
        return DedupKeys.of(RULE, new SeriesKey("fraud", "v1", "country=" + country, "amount"));
    }

    /** Delivery attempts to PagerDuty that found no server (status 0: connection refused) so far. */
    private static long refusedAttempts(CapturedLog log) {
        return log.lines().stream().filter(l -> l.contains("alert delivery pagerduty-oncall")
                && (l.contains(": RETRYING status 0") || l.contains(": GAVE_UP status 0"))).count();
    }

    @Test
    @Timeout(240)
    void everyPageArrivesOnceInOrderAfterAnOutageAndThrottling() throws Exception {
        int port;
        try (ServerSocket reserved = new ServerSocket(0)) {
            port = reserved.getLocalPort();
        }
        DriftwatchConfig config = config(port);
        try (CapturedLog log = new CapturedLog()) {
            produceAll();
            JobClient job = start(config);
            // the alerts fire and resolve during the outage: the table gets every event, nobody is paged yet
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> query("SELECT count() FROM " + DATABASE
                    + ".alerts FINAL").get(0).equals(Integer.toString(2 * COUNTRIES.length)));
            // the outage outlasts the notifier's whole retry budget twice
            long checkpointAtOutageStart = completedCheckpoints(job);
            long outageStart = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> refusedAttempts(log) >= OUTAGE_ATTEMPTS);
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            System.out.printf("outage of %d ms after the alerts were written; newest checkpoint %d then, %d now%n",
                    Duration.ofNanos(System.nanoTime() - outageStart).toMillis(), checkpointAtOutageStart,
                    completedCheckpoints(job));

            receiver = new PagerDutyReceiver(port);
            THROTTLING.forEach(receiver::enqueueFault);
            // the resolves come last (each after its trigger, or alone if a trigger was lost)
            Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> receiver.accepted().stream()
                    .filter(r -> r.action().equals("resolve")).count() >= COUNTRIES.length);
            // stable: nothing more arrives once the last committed batch is through (the next checkpoint's commit)
            long checkpointsAfterRecovery = completedCheckpoints(job);
            Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> completedCheckpoints(job) > checkpointsAfterRecovery + 2);
            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            job.cancel().get();

            List<PagerDutyReceiver.Received> accepted = receiver.accepted();
            Map<String, Long> perKeyAndAction = accepted.stream()
                    .collect(Collectors.groupingBy(r -> r.dedupKey() + " " + r.action(), Collectors.counting()));
            Set<String> expected = Arrays.stream(COUNTRIES).flatMap(c -> Stream.of(dedupKey(c) + " trigger",
                    dedupKey(c) + " resolve")).collect(Collectors.toSet());
            assertThat(perKeyAndAction).containsOnlyKeys(expected).allSatisfy((k, n) -> assertThat(n).isOne());
            Map<String, List<String>> actionsPerKey = accepted.stream().collect(Collectors.groupingBy(
                    PagerDutyReceiver.Received::dedupKey, Collectors.mapping(PagerDutyReceiver.Received::action,
                            Collectors.toList())));
            assertThat(actionsPerKey.values()).allSatisfy(actions -> assertThat(actions).containsExactly("trigger", "resolve"));
            assertThat(receiver.received()).filteredOn(r -> r.status() == 429).hasSize(THROTTLING.size());
            assertThat(receiver.received()).allSatisfy(r -> assertThat(r.errors()).isEmpty());
            assertThat(receiver.received()).extracting(PagerDutyReceiver.Received::status).containsOnly(429, 202);

            long fired = BASE + DRIFTING.stream().mapToInt(Integer::intValue).min().orElseThrow() * SIZE;
            long resolved = BASE + LAST_WINDOW * SIZE;
            assertThat(query("SELECT concat(segment, ' ', toString(kind), ' ', toString(toUnixTimestamp64Milli(window_start)),"
                    + " ' ', dedup_key) FROM " + DATABASE + ".alerts FINAL ORDER BY segment, window_start"))
                    .containsExactlyElementsOf(Arrays.stream(COUNTRIES).flatMap(c -> Stream.of(
                            "country=" + c + " fired " + fired + " " + dedupKey(c),
                            "country=" + c + " resolved " + resolved + " " + dedupKey(c))).toList());
            assertThat(log.lines()).noneMatch(l -> l.contains(ROUTING_KEY));
        }
    }

    /** The number of the newest completed checkpoint (with metadata) of the job, 0 before the first. */
    private static long completedCheckpoints(JobClient job) throws IOException {
        Path dir = checkpoints().resolve(job.getJobID().toString());
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(CHECKPOINT_PREFIX))
                    .filter(p -> Files.exists(p.resolve("_metadata")))
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString().substring(CHECKPOINT_PREFIX.length())))
                    .max().orElse(0);
        }
    }

    private static Path checkpoints() {
        return temp.resolve("checkpoints");
    }
}
