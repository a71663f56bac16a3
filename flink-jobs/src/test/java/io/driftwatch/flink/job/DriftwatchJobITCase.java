package io.driftwatch.flink.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.binned.HistogramDivergence;
import io.driftwatch.detectors.drift.categorical.CategoricalDriftTests;
import io.driftwatch.detectors.drift.numeric.NumericDriftTests;
import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.baseline.BaselineStore;
import io.driftwatch.flink.config.ConfigLoader;
import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.drift.BaselineUpdate;
import io.driftwatch.flink.drift.BaselineUpdates;
import io.driftwatch.flink.drift.ClickHouseBaselineLoader;
import io.driftwatch.flink.source.PredictionSources;
import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.localstack.kafka.EmbeddedKafka;
import io.driftwatch.schemas.events.DeadLetter;
import io.driftwatch.schemas.events.EventParser;
import io.driftwatch.schemas.migrate.Migrator;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole job on real Kafka, a MiniCluster and ClickHouse: 2 models x 2 segments x 3 windows of known
 * data (one feature shifted in one segment's last window), malformed records, baselines stored through
 * {@link BaselineStore}; every drift row is checked against drift-detectors on the same data, and a second
 * run over the same topic (this time also receiving the baselines as JSON updates on a topic, broadcast)
 * leaves the aggregates (read with FINAL) unchanged.
 */
class DriftwatchJobITCase {

    private static final String TOPIC = "it-predictions";
    private static final String DEAD_LETTER_TOPIC = "it-dead-letters";
    private static final String BASELINE_TOPIC = "it-baselines";
    private static final String DATABASE = Migrator.DEFAULT_DATABASE;
    private static final long BASE = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final long SIZE = 60_000;
    private static final int WINDOWS = 3;
    /** Per model, segment and window; with 150 reference values both sketches stay exact (KLL k = 200). */
    private static final int PER_WINDOW = 100;
    private static final int REFERENCE_SIZE = 150;
    private static final long EVENT_SPACING = 500;
    private static final String[] MODELS = {"fraud", "credit"};
    private static final String[] COUNTRIES = {"DE", "FR"};
    private static final String[] CHANNELS = {"web", "app"};
    private static final double SHIFT = 2.0;
    private static final int BINS = 10;
    private static final List<byte[]> MALFORMED = List.of(
            "{\"schema_version\":1,".getBytes(StandardCharsets.UTF_8),
            "[1,2,3]".getBytes(StandardCharsets.UTF_8),
            event(0, "", 0, 0.5, 1.0, 0.0, "web", "DE").getBytes(StandardCharsets.UTF_8),
            event(0, "fraud", 0, 1.5, 1.0, 0.0, "web", "DE").getBytes(StandardCharsets.UTF_8),
            event(0, "fraud", 0, 0.5, -1.0, 0.0, "web", "DE").getBytes(StandardCharsets.UTF_8));

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static EmbeddedKafka kafka;
    private static EmbeddedClickHouse clickhouse;
    private static final Map<String, double[]> amounts = new HashMap<>();
    private static final Map<String, Map<String, Long>> channels = new HashMap<>();
    private static final Map<String, Map<String, ReferenceProfile>> baselines = new HashMap<>();
    private static final Map<Long, byte[]> malformedByOffset = new HashMap<>();

    @BeforeAll
    static void startStack() throws Exception {
        kafka = EmbeddedKafka.start();
        clickhouse = EmbeddedClickHouse.start();
        kafka.createTopic(TOPIC, 2, Map.of("retention.ms", "-1"));
        kafka.createTopic(DEAD_LETTER_TOPIC, 1, Map.of("retention.ms", "-1"));
        kafka.createTopic(BASELINE_TOPIC, 1, Map.of("retention.ms", "-1"));
        try (Connection connection = clickhouse.openConnection()) {
            Migrator.driftwatch().migrate(connection);
        }
        Random random = new Random(7);
        BaselineStore store = new BaselineStore(() -> clickhouse.openConnection(), DATABASE);
        for (String model : MODELS) {
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
            profiles.put("score", new ReferenceProfile("score",
                    NumericProfile.fromReference(scores, new Binning.Quantiles(BINS))));
            store.save(model, "v1", profiles, "it");
            baselines.put(model, profiles);
        }
        publishBaselines();
        produce(random);
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

    private static String key(String model, String country, long windowStart) {
        return model + "/country=" + country + "/" + windowStart;
    }

    private static String event(long seq, String model, long time, double score, double latency, double amount,
                                String channel, String country) {
        return "{\"schema_version\":1,\"prediction_id\":\"p-" + seq + "\",\"model_id\":\"" + model
                + "\",\"model_version\":\"v1\",\"timestamp\":\"" + Instant.ofEpochMilli(time) + "\",\"features\":{"
                + "\"amount\":" + amount + ",\"channel\":\"" + channel + "\"},\"score\":" + score
                + ",\"latency_ms\":" + latency + ",\"segment\":{\"country\":\"" + country + "\"}}";
    }

    /** The same baselines as {@link BaselineUpdate} JSON on the update topic (read by the second run). */
    private static void publishBaselines() throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String model : MODELS) {
                producer.send(new ProducerRecord<>(BASELINE_TOPIC,
                        BaselineUpdate.of(model, "v1", "topic-" + model, baselines.get(model)).toJson())).get();
            }
        }
    }

    private static void produce(Random random) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int m = 0; m < MALFORMED.size(); m++) {
                long offset = producer.send(new ProducerRecord<>(TOPIC, 0, null, MALFORMED.get(m))).get().offset();
                malformedByOffset.put(offset, MALFORMED.get(m));
            }
            long seq = 0;
            Map<String, List<Double>> values = new HashMap<>();
            for (int w = 0; w < WINDOWS; w++) {
                for (int i = 0; i < PER_WINDOW; i++) {
                    long time = BASE + w * SIZE + i * EVENT_SPACING;
                    for (String model : MODELS) {
                        for (String country : COUNTRIES) {
                            boolean shifted = model.equals("fraud") && country.equals("FR") && w == WINDOWS - 1;
                            double amount = random.nextGaussian() + (shifted ? SHIFT : 0.0);
                            String channel = shifted ? "app" : CHANNELS[random.nextInt(CHANNELS.length)];
                            String k = key(model, country, BASE + w * SIZE);
                            values.computeIfAbsent(k, x -> new ArrayList<>()).add(amount);
                            channels.computeIfAbsent(k, x -> new TreeMap<>()).merge(channel, 1L, Long::sum);
                            byte[] json = event(seq, model, time, random.nextDouble(), 1.0 + random.nextInt(50), amount,
                                    channel, country).getBytes(StandardCharsets.UTF_8);
                            producer.send(new ProducerRecord<>(TOPIC, (int) (seq % 2), null, json));
                            seq++;
                        }
                    }
                }
            }
            producer.flush();
            values.forEach((k, v) -> amounts.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        }
    }

    private static DriftwatchConfig config() {
        String yaml = "kafka:\n  bootstrap_servers: " + kafka.bootstrapServers() + "\n  topics:\n    predictions: " + TOPIC
                + "\n    dead_letter: " + DEAD_LETTER_TOPIC + "\nclickhouse:\n  url: " + clickhouse.jdbcUrl()
                + "\n  database: " + DATABASE + "\nwindows:\n  size: 60s\n  allowed_lateness: 0s\n"
                + "  out_of_orderness: 5s\n  idleness: 0s\nsegments:\n  default:\n    keys: [country]\n"
                + "sink:\n  batch_rows: 1000\n  flush_interval: 1s\n";
        return new ConfigLoader().parse(yaml, "it");
    }

    /** Runs the job; with {@code broadcastBaselines} the stored baselines also arrive as updates on a topic. */
    private static void runJob(String group, boolean broadcastBaselines) throws Exception {
        DriftwatchConfig config = config();
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        DataStream<BaselineUpdate> updates = !broadcastBaselines ? null : env.fromSource(
                BaselineUpdates.kafka(kafka.bootstrapServers(), BASELINE_TOPIC, group)
                        .setBounded(OffsetsInitializer.latest()).build(),
                WatermarkStrategy.noWatermarks(), "baseline-updates");
        DriftwatchJob.Inputs inputs = new DriftwatchJob.Inputs(
                PredictionSources.kafka(config).setGroupId(group).setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest()).build(),
                updates, new ClickHouseBaselineLoader(clickhouse.jdbcUrl(), clickhouse.user(), clickhouse.password(),
                DATABASE));
        DriftwatchJob.build(env, config, inputs, ResultSinks.clickHouse(config), DeadLetterTopic.sink(config.kafka()));
        env.execute("driftwatch-it-" + group);
    }

    /** feature_drift rows (FINAL) of input features: "model/segment/window/feature/test" to {statistic, bound, nRef, nCur, drift}. */
    private static Map<String, double[]> featureDrift(Statement st) throws Exception {
        Map<String, double[]> rows = new TreeMap<>();
        ResultSet rs = st.executeQuery("SELECT model_id, segment, toUnixTimestamp64Milli(window_start), feature, test, "
                + "statistic, error_bound, n_reference, n_current, drift, baseline_kind FROM " + DATABASE
                + ".feature_drift FINAL WHERE subject = 'feature'");
        while (rs.next()) {
            assertThat(rs.getString(11)).isEqualTo("training");
            rows.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getLong(3) + "/" + rs.getString(4) + "/"
                    + rs.getString(5), new double[] {rs.getDouble(6), rs.getDouble(7), rs.getLong(8), rs.getLong(9),
                    rs.getBoolean(10) ? 1 : 0});
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
    void windowsOfKnownDataBecomeExactRowsAndAReplayDoesNotDoubleThem() throws Exception {
        runJob("it-run-1", false);
        Map<String, double[]> first;
        long volumeRows;
        try (Connection c = clickhouse.openConnection(); Statement st = c.createStatement()) {
            first = featureDrift(st);
            assertThat(first).hasSize(MODELS.length * COUNTRIES.length * WINDOWS * (4 + 2));
            for (Map.Entry<String, double[]> row : first.entrySet()) {
                checkAgainstDetectors(row.getKey(), row.getValue());
            }
            assertThat(first.get("fraud/country=FR/" + (BASE + 2 * SIZE) + "/amount/psi")[4]).isEqualTo(1.0);
            assertThat(first.get("fraud/country=FR/" + (BASE + 2 * SIZE) + "/channel/psi")[4]).isEqualTo(1.0);
            assertThat(first.get("credit/country=FR/" + (BASE + 2 * SIZE) + "/amount/ks")[4]).isEqualTo(0.0);
            assertThat(count(st, "SELECT count() FROM " + DATABASE + ".feature_drift FINAL WHERE subject = 'score'"))
                    .isEqualTo(MODELS.length * COUNTRIES.length * WINDOWS * 4L);

            long valid = (long) MODELS.length * COUNTRIES.length * WINDOWS * PER_WINDOW;
            volumeRows = count(st, "SELECT count() FROM " + DATABASE + ".volume FINAL");
            assertThat(volumeRows).isEqualTo(MODELS.length * COUNTRIES.length * WINDOWS);
            assertThat(count(st, "SELECT sum(predictions) FROM " + DATABASE + ".volume FINAL")).isEqualTo(valid);
            assertThat(count(st, "SELECT sum(count) FROM " + DATABASE + ".latency FINAL")).isEqualTo(valid);
            assertThat(count(st, "SELECT sum(seen) FROM " + DATABASE + ".data_quality FINAL WHERE feature = 'amount'"))
                    .isEqualTo(valid);
            assertThat(deadLetterReasons(st)).isEqualTo(expectedReasons());
        }
        assertThat(deadLetterTopicReasons()).isEqualTo(expectedReasons());

        runJob("it-run-2", true);
        try (Connection c = clickhouse.openConnection(); Statement st = c.createStatement()) {
            Map<String, double[]> second = featureDrift(st);
            assertThat(second.keySet()).isEqualTo(first.keySet());
            second.forEach((k, v) -> assertThat(v).as(k).containsExactly(first.get(k)));
            assertThat(count(st, "SELECT count() FROM " + DATABASE + ".volume FINAL")).isEqualTo(volumeRows);
            assertThat(deadLetterReasons(st)).isEqualTo(expectedReasons());
        }
    }

    private static void checkAgainstDetectors(String key, double[] row) {
        String[] parts = key.split("/");
        String model = parts[0];
        String window = parts[0] + "/" + parts[1] + "/" + parts[2];
        String feature = parts[3];
        DriftTestId test = DriftTestId.fromId(parts[4]);
        double statistic = row[0];
        if (feature.equals("amount")) {
            NumericProfile profile = baselines.get(model).get("amount").numeric();
            double[] current = amounts.get(window);
            long[] bins = profile.edges().histogram(current);
            double[] reference = referenceValues(profile);
            switch (test) {
                case PSI -> assertThat(statistic).as(key).isCloseTo(
                        HistogramDivergence.PSI.distance(profile.binCounts(), bins), within(1e-12));
                case JENSEN_SHANNON -> assertThat(statistic).as(key).isCloseTo(
                        HistogramDivergence.JENSEN_SHANNON.distance(profile.binCounts(), bins), within(1e-12));
                case KS -> assertThat(statistic).as(key).isCloseTo(
                        NumericDriftTests.of(DriftTestId.KS).test(reference, current, 0.05).statistic(), within(1e-12));
                case WASSERSTEIN -> assertThat(Math.abs(statistic - NumericDriftTests.of(DriftTestId.WASSERSTEIN)
                        .test(reference, current, 0.1).statistic())).as(key).isLessThanOrEqualTo(row[1]);
                default -> throw new AssertionError("unexpected test " + key);
            }
            assertThat(row[2]).isEqualTo(REFERENCE_SIZE);
            assertThat(row[3]).isEqualTo(PER_WINDOW);
        } else {
            Map<String, Long> reference = baselines.get(model).get("channel").categorical().counts();
            assertThat(statistic).as(key).isCloseTo(
                    CategoricalDriftTests.test(test, reference, channels.get(window)).statistic(), within(1e-12));
        }
    }

    /** The reference sample, recovered from the profile's exact KLL sketch (150 values < k = 200). */
    private static double[] referenceValues(NumericProfile profile) {
        var sketch = profile.kllSketch();
        var items = sketch.getSortedView();
        double[] quantiles = items.getQuantiles();
        long[] weights = items.getCumulativeWeights();
        List<Double> values = new ArrayList<>();
        long previous = 0;
        for (int i = 0; i < quantiles.length; i++) {
            for (long w = previous; w < weights[i]; w++) {
                values.add(quantiles[i]);
            }
            previous = weights[i];
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Map<Long, String> expectedReasons() {
        EventParser parser = new EventParser();
        Map<Long, String> reasons = new TreeMap<>();
        malformedByOffset.forEach((offset, bytes) ->
                reasons.put(offset, parser.parsePrediction(bytes).failure().reason().id()));
        return reasons;
    }

    private static Map<Long, String> deadLetterReasons(Statement st) throws Exception {
        Map<Long, String> reasons = new TreeMap<>();
        ResultSet rs = st.executeQuery("SELECT source_offset, reason, source_partition, payload_bytes FROM " + DATABASE
                + ".dead_letters FINAL");
        while (rs.next()) {
            assertThat(rs.getInt(3)).isZero();
            assertThat(rs.getLong(4)).isEqualTo(malformedByOffset.get(rs.getLong(1)).length);
            reasons.put(rs.getLong(1), rs.getString(2));
        }
        return reasons;
    }

    private static Map<Long, String> deadLetterTopicReasons() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        Map<Long, String> reasons = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(DEAD_LETTER_TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    DeadLetter letter = DeadLetter.fromJson(r.value());
                    assertThat(letter.payload()).isEqualTo(malformedByOffset.get(letter.sourceOffset()));
                    reasons.put(letter.sourceOffset(), letter.reason().id());
                }
                return reasons.size() >= MALFORMED.size();
            });
        }
        return reasons;
    }
}
