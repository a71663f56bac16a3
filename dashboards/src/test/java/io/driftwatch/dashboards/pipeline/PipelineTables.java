package io.driftwatch.dashboards.pipeline;

import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.baseline.BaselineStore;
import io.driftwatch.flink.config.ConfigLoader;
import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.drift.ClickHouseBaselineLoader;
import io.driftwatch.flink.job.DeadLetterTopic;
import io.driftwatch.flink.job.DriftwatchJob;
import io.driftwatch.flink.job.ResultSinks;
import io.driftwatch.flink.labels.LabelSources;
import io.driftwatch.flink.source.PredictionSources;
import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.localstack.kafka.EmbeddedKafka;
import io.driftwatch.schemas.migrate.Migrator;
import io.driftwatch.schemas.tables.WindowKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Fills the result tables of an embedded ClickHouse the way production does: generated predictions (with an
 * injected drift of {@code amount}, a latency regression and a calibration degradation of the drifting model from
 * {@link #DRIFT_FROM_WINDOW}) go to an embedded Kafka topic, their labels ({@link LabelEvents}: minutes to hours
 * later in event time) to a labels topic, and the real job ({@link DriftwatchJob#build} with the label source and
 * an alert rules file) runs over both on a local MiniCluster. It writes every table the dashboards read:
 * feature_drift, volume, latency, data_quality, dead_letters, performance, reliability, change_points and alerts
 * (the rules route to a local {@link WebhookReceiver}).
 */
public final class PipelineTables implements AutoCloseable {

    public static final String DATABASE = Migrator.DEFAULT_DATABASE;
    /** Yesterday's midnight: recent, as dead_letters keeps 30 days (TTL on record_time) and Kafka keeps the times. */
    public static final Instant START = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
    public static final Duration WINDOW = Duration.ofMinutes(1);
    public static final int WINDOWS = 8;
    public static final int DRIFT_FROM_WINDOW = 4;
    public static final String DRIFTING_MODEL = "fraud";
    public static final String DRIFTING_FEATURE = "amount";
    public static final List<List<String>> MODEL_VERSIONS = List.of(List.of("fraud", "v1"), List.of("fraud", "v2"),
            List.of("churn", "v1"));
    /** All traffic (events without a segment) and one country. */
    public static final List<String> SEGMENTS = List.of(WindowKey.ALL_TRAFFIC, "country=DE");
    public static final List<String> FEATURES = List.of(DRIFTING_FEATURE, "channel");
    /** Predictions per model version, segment and window. */
    public static final int PER_WINDOW = 250;
    /** Alert rule on the drifting feature's PSI decision (critical). */
    public static final String DRIFT_RULE = "amount-psi-drift";
    /** Alert rule on p99 latency above {@link #LATENCY_THRESHOLD_MS} (warning). */
    public static final String LATENCY_RULE = "latency-p99";
    /** Between the normal latencies' maximum (5 + 60 ms) and the regressed ones' minimum (5 + 100 ms). */
    private static final double LATENCY_THRESHOLD_MS = 85;
    /** Added to the drifting model's latencies from the drift point on: the latency rule's breach. */
    private static final double LATENCY_REGRESSION_MS = 100;
    private static final List<String> CHANNELS = List.of("web", "app", "store");
    /** Shift of the drifting feature in reference standard deviations: far past every test's threshold. */
    private static final double SHIFT = 2.0;
    private static final int REFERENCE_SIZE = 500;
    private static final int BINS = 10;
    private static final long SEED = 20261124L;
    private static final long LABEL_SEED = 20261125L;
    private static final String TOPIC = "dashboards-predictions";
    private static final String LABELS_TOPIC = "dashboards-labels";
    /** Profile name of the stored label class balance (LabelDrift.PROFILE, see flink-jobs PIPELINE.md "Label drift"). */
    private static final String LABEL_PROFILE = "label";
    private static final String DEAD_LETTER_TOPIC = "dashboards-dead-letters";
    private static final int PARALLELISM = 2;

    private final EmbeddedKafka kafka;
    private final EmbeddedClickHouse clickhouse;
    private final WebhookReceiver webhook;
    private final Path rulesDirectory;
    private final SplittableRandom random = new SplittableRandom(SEED);
    /** Own stream, so the predictions (and the drift decisions on them) do not depend on the labels drawn. */
    private final LabelEvents labels = new LabelEvents(new SplittableRandom(LABEL_SEED), PARALLELISM);

    private PipelineTables(EmbeddedKafka kafka, EmbeddedClickHouse clickhouse) throws IOException {
        this.kafka = kafka;
        this.clickhouse = clickhouse;
        this.webhook = new WebhookReceiver();
        this.rulesDirectory = Files.createTempDirectory("dashboards-rules");
    }

    /** Starts Kafka and ClickHouse, migrates, stores baselines, produces predictions and labels, runs the job. */
    public static PipelineTables run() throws Exception {
        PipelineTables tables = new PipelineTables(EmbeddedKafka.start(), EmbeddedClickHouse.start());
        try {
            tables.fill();
            return tables;
        } catch (Exception | AssertionError e) {
            tables.close();
            throw e;
        }
    }

    public EmbeddedClickHouse clickhouse() {
        return clickhouse;
    }

    public Instant end() {
        return START.plus(WINDOW.multipliedBy(WINDOWS));
    }

    /**
     * End of a time range that holds the labels' event times too (change points are detected at a label's time,
     * up to {@link LabelEvents#SLOW_MAX} after the last prediction).
     */
    public Instant labelsEnd() {
        return end().plus(LabelEvents.SLOW_MAX);
    }

    /** The bodies the alert rules' webhook received (one per delivered group of events). */
    public List<String> webhookBodies() {
        return webhook.bodies();
    }

    private void fill() throws Exception {
        kafka.createTopic(TOPIC, PARALLELISM, Map.of("retention.ms", "-1"));
        kafka.createTopic(LABELS_TOPIC, PARALLELISM, Map.of("retention.ms", "-1"));
        kafka.createTopic(DEAD_LETTER_TOPIC, 1, Map.of("retention.ms", "-1"));
        try (Connection connection = clickhouse.openConnection()) {
            Migrator.driftwatch().migrate(connection);
        }
        storeBaselines();
        produce();
        runJob();
    }

    private void storeBaselines() {
        BaselineStore store = new BaselineStore(clickhouse::openConnection, DATABASE);
        for (List<String> mv : MODEL_VERSIONS) {
            double[] amounts = new double[REFERENCE_SIZE];
            double[] scores = new double[REFERENCE_SIZE];
            for (int i = 0; i < REFERENCE_SIZE; i++) {
                amounts[i] = gaussian();
                scores[i] = random.nextDouble();
            }
            Map<String, Long> channels = new LinkedHashMap<>();
            CHANNELS.forEach(c -> channels.put(c, (long) REFERENCE_SIZE / CHANNELS.size()));
            Map<String, ReferenceProfile> profiles = new LinkedHashMap<>();
            profiles.put(DRIFTING_FEATURE, new ReferenceProfile(DRIFTING_FEATURE,
                    NumericProfile.fromReference(amounts, new Binning.Quantiles(BINS))));
            profiles.put("channel", new ReferenceProfile("channel", CategoricalProfile.of(channels)));
            profiles.put("score", new ReferenceProfile("score",
                    NumericProfile.fromReference(scores, new Binning.Quantiles(BINS))));
            // uniform calibrated scores: half the labels positive
            profiles.put(LABEL_PROFILE, new ReferenceProfile(LABEL_PROFILE,
                    CategoricalProfile.of(Map.of("0", (long) REFERENCE_SIZE / 2, "1", (long) REFERENCE_SIZE / 2))));
            store.save(mv.get(0), mv.get(1), profiles, "dashboards-it");
        }
    }

    private void produce() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        long seq = 0;
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            long spacing = WINDOW.toMillis() / PER_WINDOW;
            for (int w = 0; w < WINDOWS; w++) {
                for (int i = 0; i < PER_WINDOW; i++) {
                    Instant time = START.plus(WINDOW.multipliedBy(w)).plusMillis(i * spacing);
                    for (List<String> mv : MODEL_VERSIONS) {
                        for (String segment : SEGMENTS) {
                            boolean shifted = mv.get(0).equals(DRIFTING_MODEL) && w >= DRIFT_FROM_WINDOW;
                            Event event = event(seq, mv, segment, time, shifted);
                            labels.labelFor(seq, mv.get(0), time, event.score(), shifted);
                            producer.send(new ProducerRecord<>(TOPIC, (int) (seq % PARALLELISM),
                                    time.toEpochMilli(), null, event.json().getBytes(StandardCharsets.UTF_8)));
                            seq++;
                        }
                    }
                }
            }
            // Rejected records: a score outside [0, 1] of the drifting model, and a truncated JSON document. Record
            // timestamps are event times (as producers that set them do), so dead letters fall into the time range.
            long rejectedAt = START.plusSeconds(1).toEpochMilli();
            producer.send(new ProducerRecord<>(TOPIC, 0, rejectedAt, null, event(seq, MODEL_VERSIONS.get(0), "",
                    START.plusSeconds(1), false).json().replace("\"score\":", "\"score\":1")
                    .getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(TOPIC, 0, rejectedAt, null,
                    ("{\"schema_version\":1,\"model_id\":\"" + DRIFTING_MODEL + "\"").getBytes(StandardCharsets.UTF_8)));
            // and a label of a prediction that never came (dead-lettered unknown_prediction)
            labels.orphan("never-predicted", DRIFTING_MODEL, START.plus(LabelEvents.FAST_MAX));
            for (LabelEvents.Label label : labels.inTimeOrder()) {
                producer.send(new ProducerRecord<>(LABELS_TOPIC, label.partition(), label.time().toEpochMilli(), null,
                        label.json().getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    /** A prediction event's JSON and its score (which its label depends on). */
    private record Event(String json, double score) {
    }

    private Event event(long seq, List<String> mv, String segment, Instant time, boolean shifted) {
        final double latencyMinMs = 5;
        final double latencyRangeMs = 60;
        final double nullEvery = 50;
        double amount = gaussian() + (shifted ? SHIFT : 0);
        String channel = shifted ? "app" : CHANNELS.get(random.nextInt(CHANNELS.size()));
        String amountJson = random.nextInt((int) nullEvery) == 0 ? "null" : Double.toString(amount);
        String segmentJson = segment.isEmpty() ? "{}" : "{\"country\":\"" + segment.substring(segment.indexOf('=') + 1)
                + "\"}";
        double score = random.nextDouble();
        return new Event("{\"schema_version\":1,\"prediction_id\":\"p-" + seq + "\",\"model_id\":\"" + mv.get(0)
                + "\",\"model_version\":\"" + mv.get(1) + "\",\"timestamp\":\"" + time + "\",\"features\":{\""
                + DRIFTING_FEATURE + "\":" + amountJson + ",\"channel\":\"" + channel + "\"},\"score\":"
                + score + ",\"latency_ms\":" + (latencyMinMs + random.nextDouble() * latencyRangeMs
                + (shifted ? LATENCY_REGRESSION_MS : 0))
                + ",\"segment\":" + segmentJson + "}", score);
    }

    private void runJob() throws Exception {
        String yaml = "kafka:\n  bootstrap_servers: " + kafka.bootstrapServers() + "\n  topics:\n    predictions: "
                + TOPIC + "\n    labels: " + LABELS_TOPIC + "\n    dead_letter: " + DEAD_LETTER_TOPIC
                + "\nclickhouse:\n  url: " + clickhouse.jdbcUrl()
                + "\n  database: " + DATABASE + "\nwindows:\n  size: " + WINDOW.toSeconds() + "s\n"
                + "  allowed_lateness: 0s\n  out_of_orderness: 5s\n  idleness: 0s\nsegments:\n  default:\n"
                + "    keys: [country]\nsink:\n  batch_rows: 1000\n  flush_interval: 1s\n"
                + "alerting:\n  rules: " + writeRules() + "\n";
        DriftwatchConfig config = new ConfigLoader().parse(yaml, "dashboards-it");
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM, conf);
        DriftwatchJob.Inputs inputs = new DriftwatchJob.Inputs(
                PredictionSources.kafka(config).setGroupId("dashboards-it")
                        .setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest())
                        .build(),
                null, new ClickHouseBaselineLoader(clickhouse.jdbcUrl(), clickhouse.user(), clickhouse.password(),
                DATABASE),
                LabelSources.kafka(config).setGroupId("dashboards-it" + LabelSources.GROUP_SUFFIX)
                        .setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest())
                        .build());
        DriftwatchJob.build(env, config, inputs, ResultSinks.clickHouse(config), DeadLetterTopic.sink(config.kafka()));
        env.execute("dashboards-pipeline-tables");
    }

    /** A PSI drift rule and a latency rule (alerting/RULES.md), both routed to the local webhook. */
    private Path writeRules() throws IOException {
        Path rules = rulesDirectory.resolve("rules.yaml");
        Files.writeString(rules, """
                notifiers:
                  - name: test-hook
                    type: webhook
                    url: %s
                rules:
                  - name: %s
                    description: %s drifted from its training baseline (PSI)
                    selector: {metric: feature_drift, feature: %s, test: psi}
                    condition: {drift_flag: true}
                    resolve_after: 2
                    severity: critical
                    routes: [test-hook]
                  - name: %s
                    description: p99 latency is high
                    selector: {metric: latency}
                    condition: {value: p99, op: ">", threshold: %s}
                    severity: warning
                    routes: [test-hook]
                """.formatted(webhook.url(), DRIFT_RULE, DRIFTING_FEATURE, DRIFTING_FEATURE, LATENCY_RULE,
                LATENCY_THRESHOLD_MS), StandardCharsets.UTF_8);
        return rules;
    }

    /** A standard normal draw (Box-Muller). */
    private double gaussian() {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Override
    public void close() {
        webhook.close();
        kafka.close();
        clickhouse.close();
        try (var files = Files.list(rulesDirectory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(rulesDirectory);
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + rulesDirectory, e);
        }
    }
}
