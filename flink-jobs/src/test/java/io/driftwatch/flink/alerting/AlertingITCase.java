package io.driftwatch.flink.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.alerting.eval.DedupKeys;
import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.notify.CapturedLog;
import io.driftwatch.alerting.notify.CapturingServer;
import io.driftwatch.alerting.notify.PagerDutyReceiver;
import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.baseline.BaselineStore;
import io.driftwatch.flink.config.ConfigException;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
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
 * Alerting in the whole job on real Kafka, a MiniCluster and ClickHouse, paging a local PagerDuty receiver
 * that checks every body against the Events API v2 contract (400 on a bad one) and answers 429 with
 * Retry-After first. The amount feature of both segments drifts in windows 2 and 3: exactly one trigger per
 * drifting series. The job is then cancelled in the middle of the firing alert (after a checkpoint that
 * followed the trigger) and restarted from that retained checkpoint: no second trigger, and once the drift ended
 * for {@code resolve_after} windows, one resolve per series. The alerts table holds exactly those events, and
 * neither the logs nor the table contain the routing key.
 */
class AlertingITCase {

    private static final String TOPIC = "alerting-it-predictions";
    private static final String DATABASE = Migrator.DEFAULT_DATABASE;
    private static final String RULE = "amount-drift";
    private static final long BASE = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    private static final long SIZE = 60_000;
    private static final int PER_WINDOW = 100;
    private static final long EVENT_SPACING = 500;
    private static final int REFERENCE_SIZE = 150;
    private static final int BINS = 10;
    private static final String[] COUNTRIES = {"DE", "FR"};
    /** Windows whose amounts are shifted by {@link #SHIFT} standard deviations. */
    private static final Set<Integer> DRIFTING = Set.of(2, 3);
    private static final double SHIFT = 2.0;
    /** Windows produced before the restart (then one event of the next window pushes the watermark). */
    private static final int FIRST_RUN_WINDOWS = 4;
    /** Windows produced after the restart: the drift ends; resolve_after: 2 resolves in window 5. */
    private static final int LAST_WINDOW = 5;
    /** Past the out-of-orderness: an event this far into the next window makes the watermark pass the previous. */
    private static final long WATERMARK_PUSH = 2_000;
    private static final String ROUTING_KEY = "R0ut1ngKeyF0rTheAlert1ngITCase00";
    private static final String HMAC_SECRET = "hmac-secret-of-the-alerting-itcase";
    private static final String HOOK_PATH = "/alerts";
    private static final long CHECKPOINT_INTERVAL_MS = 300;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static EmbeddedKafka kafka;
    private static EmbeddedClickHouse clickhouse;
    private static PagerDutyReceiver receiver;
    private static CapturingServer webhook;
    private static final Random RANDOM = new Random(11);

    @TempDir
    static Path temp;

    @BeforeAll
    static void startStack() throws Exception {
        kafka = EmbeddedKafka.start();
        clickhouse = EmbeddedClickHouse.start();
        receiver = new PagerDutyReceiver();
        webhook = new CapturingServer();
        kafka.createTopic(TOPIC, 1, Map.of("retention.ms", "-1"));
        try (Connection connection = clickhouse.openConnection()) {
            Migrator.driftwatch().migrate(connection);
        }
        Random random = new Random(7);
        double[] reference = new double[REFERENCE_SIZE];
        double[] scores = new double[REFERENCE_SIZE];
        for (int i = 0; i < REFERENCE_SIZE; i++) {
            reference[i] = random.nextGaussian();
            scores[i] = random.nextDouble();
        }
        Map<String, ReferenceProfile> profiles = new LinkedHashMap<>();
        profiles.put("amount", new ReferenceProfile("amount",
                NumericProfile.fromReference(reference, new Binning.Quantiles(BINS))));
        profiles.put("channel", new ReferenceProfile("channel", CategoricalProfile.of(Map.of("web", 90L, "app", 60L))));
        profiles.put("score", new ReferenceProfile("score", NumericProfile.fromReference(scores, new Binning.Quantiles(BINS))));
        new BaselineStore(() -> clickhouse.openConnection(), DATABASE).save("fraud", "v1", profiles, "it");
    }

    @AfterAll
    static void stopStack() {
        Stream.of(receiver, webhook, kafka, clickhouse).filter(java.util.Objects::nonNull).forEach(c -> {
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
                + ",\"channel\":\"web\"},\"score\":0.5,\"latency_ms\":5.0,\"segment\":{\"country\":\"" + country + "\"}}";
    }

    /** Full windows [from, to) and then one event {@link #WATERMARK_PUSH} into window {@code to}. */
    private static void produce(int from, int to) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            long seq = (long) from * PER_WINDOW * COUNTRIES.length;
            for (int w = from; w < to; w++) {
                for (int i = 0; i < PER_WINDOW; i++) {
                    for (String country : COUNTRIES) {
                        double amount = RANDOM.nextGaussian() + (DRIFTING.contains(w) ? SHIFT : 0.0);
                        send(producer, event(seq++, BASE + w * SIZE + i * EVENT_SPACING, amount, country));
                    }
                }
            }
            send(producer, event(seq, BASE + to * SIZE + WATERMARK_PUSH, 0.0, COUNTRIES[0]));
            producer.flush();
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String json) {
        producer.send(new ProducerRecord<>(TOPIC, 0, null, json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Path rulesFile() throws IOException {
        Path key = temp.resolve("pd-routing-key");
        Files.writeString(key, ROUTING_KEY + "\n", StandardCharsets.UTF_8);
        Path hmac = temp.resolve("hmac-secret");
        Files.writeString(hmac, HMAC_SECRET, StandardCharsets.UTF_8);
        Path rules = temp.resolve("rules.yaml");
        Files.writeString(rules, """
                notifiers:
                  - name: pagerduty-oncall
                    type: pagerduty
                    routing_key: ${file:%s}
                    url: %s
                  - name: audit-hook
                    type: webhook
                    url: %s
                    hmac_secret: ${file:%s}
                rules:
                  - name: %s
                    description: amount drifted from its training baseline
                    selector: {metric: feature_drift, feature: amount, test: ks}
                    condition: {value: p_value, op: "<=", threshold: 0.001}
                    resolve_after: 2
                    severity: critical
                    routes: [pagerduty-oncall, audit-hook]
                """.formatted(key, receiver.url(), webhook.url(HOOK_PATH), hmac, RULE), StandardCharsets.UTF_8);
        return rules;
    }

    private static DriftwatchConfig config(Path rules) {
        String yaml = "kafka:\n  bootstrap_servers: " + kafka.bootstrapServers() + "\n  topics:\n    predictions: " + TOPIC
                + "\nclickhouse:\n  url: " + clickhouse.jdbcUrl() + "\n  database: " + DATABASE
                + "\nwindows:\n  size: 60s\n  allowed_lateness: 0s\n  out_of_orderness: 1s\n  idleness: 0s\n"
                + "segments:\n  default:\n    keys: [country]\nsink:\n  batch_rows: 1000\n  flush_interval: 200ms\n"
                + "alerting:\n  rules: " + rules + "\n";
        return new ConfigLoader().parse(yaml, "alerting-it");
    }

    private static JobClient start(DriftwatchConfig config, Path checkpoints, String restoreFrom) throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (restoreFrom != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(1);
        env.enableCheckpointing(CHECKPOINT_INTERVAL_MS);
        DriftwatchJob.Inputs inputs = new DriftwatchJob.Inputs(PredictionSources.kafka(config).setGroupId("alerting-it")
                .setStartingOffsets(OffsetsInitializer.earliest()).build(), null,
                new ClickHouseBaselineLoader(clickhouse.jdbcUrl(), clickhouse.user(), clickhouse.password(), DATABASE));
        DriftwatchJob.build(env, config, inputs, ResultSinks.clickHouse(config), null);
        return env.executeAsync("alerting-it");
    }

    /** Completed checkpoints (with metadata) under the directory, by number. */
    private static List<Path> completedCheckpoints(Path checkpoints) throws IOException {
        if (!Files.exists(checkpoints)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(checkpoints)) {
            return files.filter(p -> p.getFileName().toString().equals("_metadata")).map(Path::getParent)
                    .sorted(java.util.Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString()
                            .substring("chk-".length()))))
                    .toList();
        }
    }

    private static long number(Path checkpoint) {
        return Long.parseLong(checkpoint.getFileName().toString().substring("chk-".length()));
    }

    private static List<PagerDutyReceiver.Received> accepted(String action) {
        return receiver.accepted().stream().filter(r -> r.action().equals(action)).toList();
    }

    private static List<String> query(String sql) throws Exception {
        return clickhouse.queryFirstColumn(sql);
    }

    @Test
    @Timeout(300)
    void driftPagesOncePerSeriesSurvivesARestartAndResolves() throws Exception {
        Path checkpoints = temp.resolve("checkpoints");
        DriftwatchConfig config = config(rulesFile());
        try (CapturedLog log = new CapturedLog()) {
            receiver.enqueueFault(new PagerDutyReceiver.Fault(429, "1", "{\"status\":\"throttled\"}"));
            produce(0, FIRST_RUN_WINDOWS);
            JobClient first = start(config, checkpoints, null);
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> accepted("trigger").size() >= COUNTRIES.length);
            long checkpointAtTrigger = completedCheckpoints(checkpoints).stream().mapToLong(AlertingITCase::number)
                    .max().orElseThrow();
            // the alert is firing (window 3 breached again without a new page); a later checkpoint holds that state
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> completedCheckpoints(checkpoints).stream()
                    .anyMatch(p -> number(p) > checkpointAtTrigger));
            first.cancel().get();
            List<Path> retained = completedCheckpoints(checkpoints);
            Path restoreFrom = retained.get(retained.size() - 1);
            assertThat(number(restoreFrom)).isGreaterThan(checkpointAtTrigger);

            produce(FIRST_RUN_WINDOWS, LAST_WINDOW + 1);
            JobClient second = start(config, checkpoints, restoreFrom.toUri().toString());
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> accepted("resolve").size() >= COUNTRIES.length);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> query("SELECT count() FROM " + DATABASE
                    + ".alerts FINAL").get(0).equals(Integer.toString(2 * COUNTRIES.length)));
            second.cancel().get();

            Set<String> driftingSeries = new TreeSet<>(query("SELECT DISTINCT segment FROM " + DATABASE
                    + ".feature_drift FINAL WHERE feature = 'amount' AND test = 'ks' AND p_value <= 0.001"));
            assertThat(driftingSeries).containsExactly("country=DE", "country=FR");
            Set<String> expectedKeys = driftingSeries.stream()
                    .map(s -> DedupKeys.of(RULE, new SeriesKey("fraud", "v1", s, "amount"))).collect(Collectors.toSet());

            // one trigger and one resolve per series, in that order; the 429 was retried; no invalid body
            assertThat(accepted("trigger")).extracting(PagerDutyReceiver.Received::dedupKey)
                    .containsExactlyInAnyOrderElementsOf(expectedKeys);
            assertThat(accepted("resolve")).extracting(PagerDutyReceiver.Received::dedupKey)
                    .containsExactlyInAnyOrderElementsOf(expectedKeys);
            assertThat(receiver.received()).filteredOn(r -> r.status() == 429).hasSize(1);
            assertThat(receiver.received()).allSatisfy(r -> assertThat(r.errors()).isEmpty());
            assertThat(receiver.accepted()).allSatisfy(r -> assertThat(r.body().path("routing_key").asText())
                    .isEqualTo(ROUTING_KEY));

            // the alerts table: fired in the first drifting window, resolved in the second clean one
            long fired = BASE + 2 * SIZE;
            long resolved = BASE + LAST_WINDOW * SIZE;
            assertThat(query("SELECT concat(segment, ' ', toString(kind), ' ', toString(toUnixTimestamp64Milli(window_start)),"
                    + " ' ', dedup_key, ' ', toString(severity)) FROM " + DATABASE + ".alerts FINAL ORDER BY segment, window_start"))
                    .containsExactlyElementsOf(driftingSeries.stream().flatMap(s -> Stream.of(
                            s + " fired " + fired + " " + DedupKeys.of(RULE, new SeriesKey("fraud", "v1", s, "amount")) + " critical",
                            s + " resolved " + resolved + " " + DedupKeys.of(RULE, new SeriesKey("fraud", "v1", s, "amount"))
                                    + " critical")).toList());

            // the webhook got each event once too (one group per series and window), signed
            assertThat(webhook.requests()).hasSize(2 * COUNTRIES.length)
                    .allSatisfy(r -> assertThat(r.header("X-Driftwatch-Signature")).startsWith("sha256="));
            assertThat(webhook.requests().stream().map(CapturingServer.Request::body).filter(b -> b.contains("\"status\":\"fired\""))).hasSize(COUNTRIES.length);

            // neither the routing key nor the HMAC secret is in a log line or in the alerts table
            assertThat(log.lines()).anyMatch(l -> l.contains("alert delivery"));
            assertThat(log.lines()).noneMatch(l -> l.contains(ROUTING_KEY) || l.contains(HMAC_SECRET));
            assertThat(query("SELECT concat(rule, dedup_key, condition, baseline, toString(labels), toString(routes),"
                    + " summary, dashboard_url, runbook_url) FROM " + DATABASE + ".alerts"))
                    .hasSize(2 * COUNTRIES.length).noneMatch(l -> l.contains(ROUTING_KEY) || l.contains(HMAC_SECRET));
        }
    }

    @Test
    void anInvalidRulesFileStopsTheJobAtStartWithLineAndColumn() throws IOException {
        Path rules = temp.resolve("bad-rules.yaml");
        Files.writeString(rules, """
                notifiers:
                  - {name: hook, type: webhook, url: 'http://127.0.0.1:1/h'}
                rules:
                  - name: latency
                    selector: {metric: latency}
                    condition: {value: p98, op: ">", threshold: 250}
                    severity: critical
                    routes: [hook]
                """, StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> config(rules)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(rules + ":6:").hasMessageContaining("p98");
    }
}
