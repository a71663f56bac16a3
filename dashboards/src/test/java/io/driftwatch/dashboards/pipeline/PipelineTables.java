package io.driftwatch.dashboards.pipeline;

import io.driftwatch.dashboards.fixture.LabelFixture;
import io.driftwatch.dashboards.fixture.LabelRows;
import io.driftwatch.dashboards.fixture.LabelScope;
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
import io.driftwatch.flink.source.PredictionSources;
import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.localstack.kafka.EmbeddedKafka;
import io.driftwatch.schemas.migrate.Migrator;
import io.driftwatch.schemas.tables.WindowKey;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
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
 * injected drift) go to an embedded Kafka topic and the real job ({@link DriftwatchJob#build}) runs over them on a
 * local MiniCluster, writing feature_drift, volume, latency, data_quality and dead_letters.
 *
 * <p>The job does not yet fill performance, reliability, change_points and alerts (the label pipeline and the
 * alerting job are still to land); {@link #insertLabelFixture} writes {@link LabelFixture} rows over the same
 * models, segments and windows into those four tables only. When the jobs exist, replace that call by running
 * them over labels produced here.
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
    private static final List<String> CHANNELS = List.of("web", "app", "store");
    /** Shift of the drifting feature in reference standard deviations: far past every test's threshold. */
    private static final double SHIFT = 2.0;
    private static final int REFERENCE_SIZE = 500;
    private static final int BINS = 10;
    private static final long SEED = 20261124L;
    private static final String TOPIC = "dashboards-predictions";
    private static final String DEAD_LETTER_TOPIC = "dashboards-dead-letters";
    private static final int PARALLELISM = 2;

    private final EmbeddedKafka kafka;
    private final EmbeddedClickHouse clickhouse;
    private final SplittableRandom random = new SplittableRandom(SEED);

    private PipelineTables(EmbeddedKafka kafka, EmbeddedClickHouse clickhouse) {
        this.kafka = kafka;
        this.clickhouse = clickhouse;
    }

    /** Starts Kafka and ClickHouse, migrates, stores baselines, produces the predictions and runs the job. */
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

    /** The label fixture's scope: the same models, segments and windows as the job's output. */
    public static LabelScope labelScope() {
        return new LabelScope(MODEL_VERSIONS, SEGMENTS, START, WINDOW, WINDOWS, DRIFTING_MODEL, DRIFT_FROM_WINDOW,
                PER_WINDOW);
    }

    /** Stand-in rows for the tables the job does not fill yet (performance, reliability, change_points, alerts). */
    public void insertLabelFixture(Connection connection) throws SQLException {
        LabelRows rows = LabelFixture.generate(labelScope(), SEED);
        rows.insertInto(connection, DATABASE);
    }

    private void fill() throws Exception {
        kafka.createTopic(TOPIC, PARALLELISM, Map.of("retention.ms", "-1"));
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
                            String json = event(seq, mv, segment, time, shifted);
                            producer.send(new ProducerRecord<>(TOPIC, (int) (seq % PARALLELISM),
                                    time.toEpochMilli(), null, json.getBytes(StandardCharsets.UTF_8)));
                            seq++;
                        }
                    }
                }
            }
            // Rejected records: a score outside [0, 1] of the drifting model, and a truncated JSON document. Record
            // timestamps are event times (as producers that set them do), so dead letters fall into the time range.
            long rejectedAt = START.plusSeconds(1).toEpochMilli();
            producer.send(new ProducerRecord<>(TOPIC, 0, rejectedAt, null, event(seq, MODEL_VERSIONS.get(0), "",
                    START.plusSeconds(1), false).replace("\"score\":", "\"score\":1").getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(TOPIC, 0, rejectedAt, null,
                    ("{\"schema_version\":1,\"model_id\":\"" + DRIFTING_MODEL + "\"").getBytes(StandardCharsets.UTF_8)));
            producer.flush();
        }
    }

    private String event(long seq, List<String> mv, String segment, Instant time, boolean shifted) {
        final double latencyMinMs = 5;
        final double latencyRangeMs = 60;
        final double nullEvery = 50;
        double amount = gaussian() + (shifted ? SHIFT : 0);
        String channel = shifted ? "app" : CHANNELS.get(random.nextInt(CHANNELS.size()));
        String amountJson = random.nextInt((int) nullEvery) == 0 ? "null" : Double.toString(amount);
        String segmentJson = segment.isEmpty() ? "{}" : "{\"country\":\"" + segment.substring(segment.indexOf('=') + 1)
                + "\"}";
        return "{\"schema_version\":1,\"prediction_id\":\"p-" + seq + "\",\"model_id\":\"" + mv.get(0)
                + "\",\"model_version\":\"" + mv.get(1) + "\",\"timestamp\":\"" + time + "\",\"features\":{\""
                + DRIFTING_FEATURE + "\":" + amountJson + ",\"channel\":\"" + channel + "\"},\"score\":"
                + random.nextDouble() + ",\"latency_ms\":" + (latencyMinMs + random.nextDouble() * latencyRangeMs)
                + ",\"segment\":" + segmentJson + "}";
    }

    private void runJob() throws Exception {
        String yaml = "kafka:\n  bootstrap_servers: " + kafka.bootstrapServers() + "\n  topics:\n    predictions: "
                + TOPIC + "\n    dead_letter: " + DEAD_LETTER_TOPIC + "\nclickhouse:\n  url: " + clickhouse.jdbcUrl()
                + "\n  database: " + DATABASE + "\nwindows:\n  size: " + WINDOW.toSeconds() + "s\n"
                + "  allowed_lateness: 0s\n  out_of_orderness: 5s\n  idleness: 0s\nsegments:\n  default:\n"
                + "    keys: [country]\nsink:\n  batch_rows: 1000\n  flush_interval: 1s\n";
        DriftwatchConfig config = new ConfigLoader().parse(yaml, "dashboards-it");
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(PARALLELISM, conf);
        DriftwatchJob.Inputs inputs = new DriftwatchJob.Inputs(
                PredictionSources.kafka(config).setGroupId("dashboards-it")
                        .setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest())
                        .build(),
                null, new ClickHouseBaselineLoader(clickhouse.jdbcUrl(), clickhouse.user(), clickhouse.password(),
                DATABASE));
        DriftwatchJob.build(env, config, inputs, ResultSinks.clickHouse(config), DeadLetterTopic.sink(config.kafka()));
        env.execute("dashboards-pipeline-tables");
    }

    /** A standard normal draw (Box-Muller). */
    private double gaussian() {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    @Override
    public void close() {
        kafka.close();
        clickhouse.close();
    }
}
