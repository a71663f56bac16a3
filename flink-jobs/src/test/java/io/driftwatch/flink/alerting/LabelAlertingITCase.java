package io.driftwatch.flink.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.alerting.eval.DedupKeys;
import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.notify.PagerDutyReceiver;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.baseline.BaselineStore;
import io.driftwatch.flink.config.ConfigLoader;
import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.drift.ClickHouseBaselineLoader;
import io.driftwatch.flink.job.DriftwatchJob;
import io.driftwatch.flink.job.ResultSinks;
import io.driftwatch.flink.labels.LabelSources;
import io.driftwatch.flink.source.PredictionSources;
import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.localstack.kafka.EmbeddedKafka;
import io.driftwatch.schemas.migrate.Migrator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
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
 * A calibration rule over the label pipeline's performance rows, in the whole job on real Kafka, a MiniCluster and
 * ClickHouse: a binary model is calibrated in windows 0-2 (labels drawn with the score's probability) and badly
 * miscalibrated from window 3 on (labels contradict the scores). {@code ece > 0.25} pages exactly once, for window
 * 3, written to the alerts table with the ECE of that window's judged revision, and delivered to the local
 * PagerDuty receiver that checks each body against the Events API v2 contract. The stored label class balance
 * (90% negatives) is far from the ~50% of every window, so a {@code drift_flag} rule on the label's PSI (label drift
 * as {@code feature_drift}, feature {@code label}) pages once too, for window 0.
 */
class LabelAlertingITCase {

    private static final String PREDICTIONS = "label-alerting-predictions";
    private static final String LABELS = "label-alerting-labels";
    private static final String DATABASE = Migrator.DEFAULT_DATABASE;
    private static final String RULE = "fraud-ece";
    private static final long BASE = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    private static final long SIZE = 60_000;
    private static final int WINDOWS = 6;
    private static final int PER_WINDOW = 200;
    private static final long SPACING = 250;
    /** Every prediction is labelled this long after it (event time): coverage 1, no estimated rows. */
    private static final long LABEL_DELAY = 20_000;
    /** From this window on, labels contradict the scores. */
    private static final int MISCALIBRATED_FROM = 3;
    /** Calibrated windows of 200 predictions have an ECE (10 bins) around 0.05-0.1; miscalibrated ones above 0.4. */
    private static final double ECE_THRESHOLD = 0.25;
    private static final String LABEL_RULE = "fraud-label-drift";
    /** Training class balance of the label: far from the windows' balance of about one half. */
    private static final Map<String, Long> LABEL_BALANCE = Map.of("0", 900L, "1", 100L);
    private static final String ROUTING_KEY = "R0ut1ngKeyF0rLabelAlert1ngITCase";

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static EmbeddedKafka kafka;
    private static EmbeddedClickHouse clickhouse;
    private static PagerDutyReceiver receiver;

    @TempDir
    static Path temp;

    @BeforeAll
    static void startStack() throws Exception {
        kafka = EmbeddedKafka.start();
        clickhouse = EmbeddedClickHouse.start();
        receiver = new PagerDutyReceiver();
        kafka.createTopic(PREDICTIONS, 1, Map.of("retention.ms", "-1"));
        kafka.createTopic(LABELS, 1, Map.of("retention.ms", "-1"));
        try (Connection connection = clickhouse.openConnection()) {
            Migrator.driftwatch().migrate(connection);
        }
        new BaselineStore(() -> clickhouse.openConnection(), DATABASE).save("fraud", "v1", Map.of("label",
                new ReferenceProfile("label", CategoricalProfile.of(LABEL_BALANCE))), "it");
        produce(new Random(5));
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

    private static void produce(Random random) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        List<String> labels = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            int seq = 0;
            for (int w = 0; w < WINDOWS; w++) {
                for (int i = 0; i < PER_WINDOW; i++) {
                    long time = BASE + w * SIZE + i * SPACING;
                    String id = "p-" + seq++;
                    double score = random.nextDouble();
                    boolean positive = w >= MISCALIBRATED_FROM ? score < 0.5 : random.nextDouble() < score;
                    send(producer, PREDICTIONS, "{\"schema_version\":1,\"prediction_id\":\"" + id
                            + "\",\"model_id\":\"fraud\",\"model_version\":\"v1\",\"timestamp\":\""
                            + Instant.ofEpochMilli(time) + "\",\"features\":{\"x\":" + random.nextGaussian()
                            + "},\"score\":" + score + "}");
                    labels.add("{\"schema_version\":1,\"prediction_id\":\"" + id + "\",\"model_id\":\"fraud\","
                            + "\"timestamp\":\"" + Instant.ofEpochMilli(time + LABEL_DELAY) + "\",\"label\":"
                            + (positive ? 1 : 0) + "}");
                }
            }
            labels.forEach(l -> send(producer, LABELS, l));
            producer.flush();
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String json) {
        producer.send(new ProducerRecord<>(topic, 0, null, json.getBytes(StandardCharsets.UTF_8)));
    }

    private static DriftwatchConfig config() throws Exception {
        Path key = temp.resolve("pd-routing-key");
        Files.writeString(key, ROUTING_KEY, StandardCharsets.UTF_8);
        Path rules = temp.resolve("rules.yaml");
        Files.writeString(rules, """
                notifiers:
                  - name: pagerduty-oncall
                    type: pagerduty
                    routing_key: ${file:%s}
                    url: %s
                rules:
                  - name: %s
                    description: the fraud model's scores no longer match its labels
                    selector: {metric: calibration, model: fraud}
                    condition: {value: ece, op: ">", threshold: %s}
                    for: 1
                    severity: critical
                    routes: [pagerduty-oncall]
                    evaluate_after: 2m
                  - name: %s
                    selector: {metric: feature_drift, model: fraud, feature: label, test: psi}
                    condition: {drift_flag: true}
                    severity: warning
                    routes: [pagerduty-oncall]
                    evaluate_after: 2m
                """.formatted(key, receiver.url(), RULE, ECE_THRESHOLD, LABEL_RULE), StandardCharsets.UTF_8);
        String yaml = "kafka:\n  bootstrap_servers: " + kafka.bootstrapServers() + "\n  topics:\n    predictions: "
                + PREDICTIONS + "\n    labels: " + LABELS
                + "\nclickhouse:\n  url: " + clickhouse.jdbcUrl() + "\n  database: " + DATABASE
                + "\nwindows:\n  size: 60s\n  allowed_lateness: 0s\n  out_of_orderness: 1s\n  idleness: 0s\n"
                + "labels:\n  default:\n    horizon: 1h\n    pending_label_wait: 1m\n    emit_interval: 1m\n"
                + "    threshold: 0.5\n    min_coverage: 0.9\n"
                + "sink:\n  batch_rows: 1000\n  flush_interval: 200ms\nalerting:\n  rules: " + rules + "\n";
        return new ConfigLoader().parse(yaml, "label-alerting-it");
    }

    private static List<String> query(String sql) throws Exception {
        return clickhouse.queryFirstColumn(sql);
    }

    @Test
    @Timeout(300)
    void calibrationDegradationPagesOnce() throws Exception {
        DriftwatchConfig config = config();
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        // delivery commits after checkpoints; the final one at the end of the bounded input delivers the rest
        env.enableCheckpointing(500);
        DriftwatchJob.Inputs inputs = new DriftwatchJob.Inputs(
                PredictionSources.kafka(config).setGroupId("label-alerting").setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest()).build(),
                null, new ClickHouseBaselineLoader(clickhouse.jdbcUrl(), clickhouse.user(), clickhouse.password(),
                DATABASE),
                LabelSources.kafka(config).setGroupId("label-alerting-labels")
                        .setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest()).build());
        DriftwatchJob.build(env, config, inputs, ResultSinks.clickHouse(config), null);
        env.execute("label-alerting-it");

        // the performance rows show the degradation: calibrated windows below the threshold, the others above
        List<String> ece = query("SELECT concat(toString(toUnixTimestamp64Milli(window_start)), ' ', toString(ece > "
                + ECE_THRESHOLD + "), ' ', toString(estimated)) FROM " + DATABASE + ".performance FINAL"
                + " WHERE model_id = 'fraud' ORDER BY window_start");
        List<String> expected = new ArrayList<>();
        for (int w = 0; w < WINDOWS; w++) {
            expected.add((BASE + w * SIZE) + " " + (w >= MISCALIBRATED_FROM ? "1" : "0") + " false");
        }
        assertThat(ece).isEqualTo(expected);

        String dedupKey = DedupKeys.of(RULE, new SeriesKey("fraud", "v1", "", ""));
        String labelKey = DedupKeys.of(LABEL_RULE, new SeriesKey("fraud", "v1", "", "label"));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() >= 2);
        assertThat(receiver.received()).allSatisfy(r -> assertThat(r.errors()).isEmpty());
        assertThat(receiver.accepted()).allSatisfy(r -> assertThat(r.action()).isEqualTo("trigger"))
                .extracting(PagerDutyReceiver.Received::dedupKey).containsExactlyInAnyOrder(dedupKey, labelKey);

        long fired = BASE + MISCALIBRATED_FROM * SIZE;
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> query("SELECT count() FROM " + DATABASE
                + ".alerts FINAL").get(0).equals("2"));
        assertThat(query("SELECT concat(rule, ' ', toString(kind), ' ', toString(toUnixTimestamp64Milli(window_start)),"
                + " ' ', dedup_key) FROM " + DATABASE + ".alerts FINAL ORDER BY rule"))
                .containsExactly(RULE + " fired " + fired + " " + dedupKey, LABEL_RULE + " fired " + BASE + " " + labelKey);
        // the judged revision (the window's complete labels, emitted before its due time) is the final one
        assertThat(query("SELECT toString(value) FROM " + DATABASE + ".alerts FINAL WHERE rule = '" + RULE + "'"))
                .isEqualTo(query("SELECT toString(ece) FROM " + DATABASE + ".performance FINAL WHERE window_start = "
                        + "fromUnixTimestamp64Milli(" + fired + ")"));
    }
}
