package io.driftwatch.flink.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.flink.config.ConfigLoader;
import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.drift.BaselineLoader;
import io.driftwatch.flink.raw.RawSampling;
import io.driftwatch.flink.source.PredictionSources;
import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.localstack.kafka.EmbeddedKafka;
import io.driftwatch.schemas.migrate.Migrator;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The raw-prediction sample end to end (Kafka, MiniCluster, ClickHouse): {@code predictions_raw} holds exactly
 * the predictions {@link RawSampling} picks at each model's configured rate, with their columns, and a replay of
 * the same topic leaves no doubles (read with FINAL, as the table says).
 */
class RawPredictionsITCase {

    private static final String TOPIC = "raw-it-predictions";
    private static final String DATABASE = "raw_it";
    /** Recent, whole seconds: predictions_raw expires rows 30 days after their event time. */
    private static final long BASE = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
    private static final int PER_MODEL = 300;
    private static final double FRAUD_RATE = 0.3;
    private static final double DEFAULT_RATE = 0.05;
    private static final String[] MODELS = {"fraud", "credit"};

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static EmbeddedKafka kafka;
    private static EmbeddedClickHouse clickhouse;
    /** "model/prediction id" -> the event's amount, of the predictions the sample must hold. */
    private static final Map<String, Double> expected = new TreeMap<>();

    @BeforeAll
    static void startStack() throws Exception {
        kafka = EmbeddedKafka.start();
        clickhouse = EmbeddedClickHouse.start();
        kafka.createTopic(TOPIC, 2, Map.of("retention.ms", "-1"));
        try (Connection connection = clickhouse.openConnection()) {
            Migrator.builder().database(DATABASE).build().migrate(connection);
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, 0, null, "{not json".getBytes(StandardCharsets.UTF_8)));
            for (int i = 0; i < PER_MODEL; i++) {
                for (String model : MODELS) {
                    String id = model + "-" + i;
                    double amount = i * 0.5;
                    producer.send(new ProducerRecord<>(TOPIC, i % 2, null, event(id, model, BASE + i * 1_000L, amount)
                            .getBytes(StandardCharsets.UTF_8)));
                    if (RawSampling.keeps(id, model.equals("fraud") ? FRAUD_RATE : DEFAULT_RATE)) {
                        expected.put(model + "/" + id, amount);
                    }
                }
            }
            producer.flush();
        }
    }

    @AfterAll
    static void stopStack() {
        if (kafka != null) {
            kafka.close();
        }
        if (clickhouse != null) {
            clickhouse.close();
        }
    }

    private static String event(String id, String model, long time, double amount) {
        return "{\"schema_version\":1,\"prediction_id\":\"" + id + "\",\"model_id\":\"" + model
                + "\",\"model_version\":\"v1\",\"timestamp\":\"" + Instant.ofEpochMilli(time) + "\",\"features\":{"
                + "\"amount\":" + amount + ",\"channel\":\"web\",\"note\":null},\"score\":0.25,\"latency_ms\":7.5,"
                + "\"segment\":{\"country\":\"D,E=\",\"ignored\":\"x\"}}";
    }

    private static DriftwatchConfig config() {
        String yaml = "kafka:\n  bootstrap_servers: " + kafka.bootstrapServers() + "\n  topics:\n    predictions: " + TOPIC
                + "\nclickhouse:\n  url: " + clickhouse.jdbcUrl() + "\n  database: " + DATABASE
                + "\nwindows:\n  size: 60s\n  allowed_lateness: 0s\n  out_of_orderness: 5s\n  idleness: 0s\n"
                + "segments:\n  default:\n    keys: [country]\n"
                + "raw_predictions:\n  default:\n    sample_rate: " + DEFAULT_RATE + "\n  fraud:\n    sample_rate: "
                + FRAUD_RATE + "\nsink:\n  batch_rows: 1000\n  flush_interval: 1s\n";
        return new ConfigLoader().parse(yaml, "raw-it");
    }

    private static void runJob(String group) throws Exception {
        DriftwatchConfig config = config();
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        DriftwatchJob.Inputs inputs = new DriftwatchJob.Inputs(
                PredictionSources.kafka(config).setGroupId(group).setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest()).build(), null, BaselineLoader.NONE);
        // no dead-letter topic sink: this test is about predictions_raw
        DriftwatchJob.build(env, config, inputs, ResultSinks.clickHouse(config), null);
        env.execute("raw-predictions-it-" + group);
    }

    /** "model/prediction id" -> amount feature, of predictions_raw read with FINAL. */
    private static Map<String, Double> sampled(Statement st) throws Exception {
        Map<String, Double> rows = new TreeMap<>();
        ResultSet rs = st.executeQuery("SELECT model_id, prediction_id, toFloat64OrNull(features['amount']) FROM "
                + DATABASE + ".predictions_raw FINAL");
        while (rs.next()) {
            assertThat(rows.put(rs.getString(1) + "/" + rs.getString(2), rs.getDouble(3))).as("one row each").isNull();
        }
        return rows;
    }

    private static long count(Statement st, String sql) throws Exception {
        ResultSet rs = st.executeQuery(sql);
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
    }

    @Test
    @Timeout(180)
    void tableHoldsExactlyTheDeterministicSampleAndAReplayAddsNoDoubles() throws Exception {
        assertThat(expected.keySet()).anyMatch(k -> k.startsWith("fraud/")).anyMatch(k -> k.startsWith("credit/"));
        runJob("raw-run-1");
        try (Connection c = clickhouse.openConnection(); Statement st = c.createStatement()) {
            assertThat(sampled(st)).isEqualTo(expected);
            ResultSet rs = st.executeQuery("SELECT segments, features, score, predicted_class, latency_ms, sample_rate,"
                    + " toUnixTimestamp64Milli(event_time), model_version FROM " + DATABASE
                    + ".predictions_raw FINAL WHERE model_id = 'fraud' ORDER BY prediction_id LIMIT 1");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject(1)).as("configured segment keys only, values intact")
                    .isEqualTo(Map.of("country", "D,E="));
            Map<Object, Object> features = new TreeMap<>((Map<?, ?>) rs.getObject(2));
            assertThat(features.keySet()).as("null feature left out").isEqualTo(java.util.Set.of("amount", "channel"));
            assertThat(features.get("channel")).isEqualTo("web");
            assertThat(rs.getDouble(3)).isEqualTo(0.25);
            assertThat(rs.getString(4)).isEmpty();
            assertThat(rs.getDouble(5)).isEqualTo(7.5);
            assertThat(rs.getFloat(6)).isEqualTo((float) FRAUD_RATE);
            assertThat(rs.getLong(7)).isBetween(BASE, BASE + PER_MODEL * 1_000L);
            assertThat(rs.getString(8)).isEqualTo("v1");
        }

        runJob("raw-run-2");
        try (Connection c = clickhouse.openConnection(); Statement st = c.createStatement()) {
            assertThat(sampled(st)).isEqualTo(expected);
            assertThat(count(st, "SELECT count() FROM " + DATABASE + ".predictions_raw FINAL")).isEqualTo(expected.size());
        }
    }
}
