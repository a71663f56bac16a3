package io.driftwatch.flink.labels;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.detectors.change.ChangeDetector;
import io.driftwatch.detectors.change.ChangeDetectors;
import io.driftwatch.detectors.change.Signal;
import io.driftwatch.detectors.performance.BinaryClassificationAccumulator;
import io.driftwatch.detectors.performance.BinaryClassificationMetrics;
import io.driftwatch.detectors.performance.EstimatedBinaryPerformance;
import io.driftwatch.detectors.performance.ExpectedConfusionAccumulator;
import io.driftwatch.detectors.performance.MulticlassAccumulator;
import io.driftwatch.detectors.performance.MulticlassMetrics;
import io.driftwatch.detectors.performance.RegressionAccumulator;
import io.driftwatch.detectors.performance.RegressionMetrics;
import io.driftwatch.flink.config.ConfigLoader;
import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.baseline.BaselineStore;
import io.driftwatch.flink.drift.ClickHouseBaselineLoader;
import io.driftwatch.flink.job.DeadLetterTopic;
import io.driftwatch.flink.job.DriftwatchJob;
import io.driftwatch.flink.job.ResultSinks;
import io.driftwatch.flink.source.PredictionSources;
import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.localstack.kafka.EmbeddedKafka;
import io.driftwatch.schemas.migrate.Migrator;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
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
 * The label pipeline on real Kafka, a MiniCluster and ClickHouse: a binary, a multiclass and a regression model,
 * 2 segments x 3 windows of predictions, then labels delayed by a minute to 36 hours of event time (horizon 2 days),
 * some duplicated, some past the horizon, some for unknown predictions, some of the wrong type, and some with a
 * label time equal to the prediction's (which may reach the join before it). The final rows (FINAL) must equal the
 * statistics core's accumulators fed directly with the same joined data in {@link Outcome#ORDER}; coverage, delay
 * quantiles, label drift (against stored class balances), dead letters by reason and change points exactly; and a
 * replay leaves every row identical.
 */
class LabelPipelineITCase {

    private static final String PREDICTIONS = "lit-predictions";
    private static final String LABELS = "lit-labels";
    private static final String DEAD_LETTERS = "lit-dead-letters";
    private static final String DATABASE = Migrator.DEFAULT_DATABASE;
    private static final long BASE = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();
    private static final long SIZE = 60_000;
    private static final int WINDOWS = 3;
    private static final int PER_WINDOW = 100;
    private static final long SPACING = 500;
    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final long HORIZON = 48 * HOUR;
    private static final double THRESHOLD = 0.5;
    private static final String[] COUNTRIES = {"DE", "FR"};
    private static final String[] CLASSES = {"a", "b", "c"};
    private static final String BINARY = "fraud";
    private static final String MULTICLASS = "species";
    private static final String REGRESSION = "price";
    private static final String[] MODELS = {BINARY, MULTICLASS, REGRESSION};
    /** From this label time on, the binary model's labels contradict its predictions. */
    private static final long ERRORS_FROM = BASE + 20 * HOUR;
    /** Stored label class balances (training), the reference of label drift. */
    private static final Map<String, Long> BINARY_BALANCE = Map.of("0", 700L, "1", 300L);
    private static final Map<String, Long> MULTICLASS_BALANCE = Map.of("a", 500L, "b", 300L, "c", 200L);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static EmbeddedKafka kafka;
    private static EmbeddedClickHouse clickhouse;
    /** The expected joined data: window key (model/segment/windowStart) to its outcomes. */
    private static final Map<String, List<Outcome>> outcomes = new TreeMap<>();
    private static final Map<String, Long> expectedReasons = new TreeMap<>();

    @BeforeAll
    static void startStack() throws Exception {
        kafka = EmbeddedKafka.start();
        clickhouse = EmbeddedClickHouse.start();
        kafka.createTopic(PREDICTIONS, 2, Map.of("retention.ms", "-1"));
        kafka.createTopic(LABELS, 2, Map.of("retention.ms", "-1"));
        kafka.createTopic(DEAD_LETTERS, 1, Map.of("retention.ms", "-1"));
        try (Connection connection = clickhouse.openConnection()) {
            Migrator.driftwatch().migrate(connection);
        }
        BaselineStore store = new BaselineStore(() -> clickhouse.openConnection(), DATABASE);
        store.save(BINARY, "v1", Map.of(LabelDrift.PROFILE, new ReferenceProfile(LabelDrift.PROFILE,
                CategoricalProfile.of(BINARY_BALANCE))), "it");
        store.save(MULTICLASS, "v1", Map.of(LabelDrift.PROFILE, new ReferenceProfile(LabelDrift.PROFILE,
                CategoricalProfile.of(MULTICLASS_BALANCE))), "it");
        produce(new Random(11));
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

    private record Label(String modelId, String predictionId, long time, String json, int partition) {}

    private static void produce(Random random) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        List<Label> labels = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            int seq = 0;
            for (int w = 0; w < WINDOWS; w++) {
                for (int i = 0; i < PER_WINDOW; i++) {
                    long time = BASE + w * SIZE + i * SPACING;
                    for (String model : MODELS) {
                        for (String country : COUNTRIES) {
                            String id = "p-" + seq++;
                            Outcome p = new Outcome();
                            p.kind = Outcome.PREDICTION;
                            p.modelId = model;
                            p.modelVersion = "v1";
                            p.segment = "country=" + country;
                            p.predictionId = id;
                            p.windowStart = BASE + w * SIZE;
                            p.predictionTimeMillis = time;
                            p.labelTimeMillis = time;
                            p.orderTime = time;
                            p.labelClass = -1;
                            p.labelNumeric = Double.NaN;
                            p.predictedClass = -1;
                            String output;
                            if (model.equals(BINARY)) {
                                p.output = random.nextDouble();
                                output = "\"score\":" + p.output;
                            } else if (model.equals(MULTICLASS)) {
                                p.predictedClass = random.nextInt(CLASSES.length);
                                p.output = Double.NaN;
                                output = "\"scores\":{\"a\":0.5,\"b\":0.25,\"c\":0.25},\"predicted_class\":\""
                                        + CLASSES[p.predictedClass] + "\"";
                            } else {
                                p.output = 100 + 10 * random.nextGaussian();
                                output = "\"value\":" + p.output;
                            }
                            String json = "{\"schema_version\":1,\"prediction_id\":\"" + id + "\",\"model_id\":\""
                                    + model + "\",\"model_version\":\"v1\",\"timestamp\":\"" + Instant.ofEpochMilli(time)
                                    + "\",\"features\":{\"x\":" + random.nextGaussian() + "}," + output
                                    + ",\"segment\":{\"country\":\"" + country + "\"}}";
                            producer.send(new ProducerRecord<>(PREDICTIONS, seq % 2, null, bytes(json)));
                            expected(p).add(p);
                            labels.addAll(labelsFor(p, random, seq % 2));
                        }
                    }
                }
            }
            for (int k = 0; k < 3; k++) {
                long time = BASE + k * HOUR;
                labels.add(new Label(BINARY, "ghost-" + k, time, labelJson(BINARY, "ghost-" + k, time, "1"), k % 2));
                expectedReasons.merge("unknown_prediction", 1L, Long::sum);
            }
            labels.sort((x, y) -> Long.compare(x.time(), y.time()));
            for (Label label : labels) {
                producer.send(new ProducerRecord<>(LABELS, label.partition(), null, bytes(label.json())));
            }
            producer.flush();
        }
    }

    private static List<Outcome> expected(Outcome o) {
        return outcomes.computeIfAbsent(o.modelId + "/" + o.segment + "/" + o.windowStart, k -> new ArrayList<>());
    }

    /** The labels of one prediction, recording the expected joined outcome and dead letters. */
    private static List<Label> labelsFor(Outcome p, Random random, int partition) {
        List<Label> out = new ArrayList<>();
        double kind = random.nextDouble();
        if (kind < 0.15) {
            return out;
        }
        long delay;
        if (kind < 0.2) {
            delay = HORIZON + MINUTE + random.nextInt(30) * MINUTE;
        } else if (kind < 0.25) {
            delay = 0;
        } else {
            delay = MINUTE + (long) (random.nextDouble() * 36 * HOUR);
        }
        long time = p.predictionTimeMillis + delay;
        String value = labelValue(p, random, time);
        if (kind < 0.2) {
            expectedReasons.merge("label_past_horizon", 1L, Long::sum);
        } else if (kind < 0.23 && p.modelId.equals(BINARY)) {
            value = "2";
            expectedReasons.merge("label_mismatch", 1L, Long::sum);
        } else {
            Outcome l = copy(p);
            l.kind = Outcome.LABEL;
            l.labelTimeMillis = time;
            l.orderTime = Math.max(time, p.predictionTimeMillis);
            if (p.modelId.equals(MULTICLASS)) {
                l.labelClass = Arrays.asList(CLASSES).indexOf(value.replace("\"", ""));
            } else {
                l.labelNumeric = Double.parseDouble(value);
            }
            expected(p).add(l);
            if (random.nextDouble() < 0.1) {
                long again = time + 10 * MINUTE;
                out.add(new Label(p.modelId, p.predictionId, again, labelJson(p.modelId, p.predictionId, again, value),
                        partition));
                expectedReasons.merge("duplicate_label", 1L, Long::sum);
            }
        }
        out.add(0, new Label(p.modelId, p.predictionId, time, labelJson(p.modelId, p.predictionId, time, value),
                partition));
        return out;
    }

    /** A label; binary labels known after {@link #ERRORS_FROM} are all wrong, a change for ADWIN to find. */
    private static String labelValue(Outcome p, Random random, long time) {
        if (p.modelId.equals(BINARY)) {
            boolean positive = time >= ERRORS_FROM ? p.output < THRESHOLD : random.nextDouble() < p.output;
            return positive ? "1" : "0";
        }
        if (p.modelId.equals(MULTICLASS)) {
            int label = random.nextDouble() < 0.7 ? p.predictedClass : random.nextInt(CLASSES.length);
            return "\"" + CLASSES[label] + "\"";
        }
        return Double.toString(p.output + random.nextGaussian() * 3);
    }

    private static Outcome copy(Outcome p) {
        Outcome o = new Outcome();
        o.kind = p.kind;
        o.modelId = p.modelId;
        o.modelVersion = p.modelVersion;
        o.segment = p.segment;
        o.predictionId = p.predictionId;
        o.windowStart = p.windowStart;
        o.predictionTimeMillis = p.predictionTimeMillis;
        o.labelTimeMillis = p.labelTimeMillis;
        o.orderTime = p.orderTime;
        o.output = p.output;
        o.predictedClass = p.predictedClass;
        o.labelNumeric = p.labelNumeric;
        o.labelClass = p.labelClass;
        return o;
    }

    private static String labelJson(String model, String id, long time, String value) {
        return "{\"schema_version\":1,\"prediction_id\":\"" + id + "\",\"model_id\":\"" + model + "\",\"timestamp\":\""
                + Instant.ofEpochMilli(time) + "\",\"label\":" + value + "}";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static DriftwatchConfig config() {
        String yaml = "kafka:\n  bootstrap_servers: " + kafka.bootstrapServers() + "\n  topics:\n    predictions: "
                + PREDICTIONS + "\n    labels: " + LABELS + "\n    dead_letter: " + DEAD_LETTERS
                + "\nclickhouse:\n  url: " + clickhouse.jdbcUrl() + "\n  database: " + DATABASE
                + "\nwindows:\n  size: 60s\n  allowed_lateness: 0s\n  out_of_orderness: 5s\n  idleness: 0s\n"
                + "segments:\n  default:\n    keys: [country]\n"
                + "labels:\n  default:\n    horizon: 2d\n    pending_label_wait: 1h\n    emit_interval: 1m\n"
                + "    threshold: " + THRESHOLD + "\n    min_coverage: 0.9\n"
                + "  " + MULTICLASS + ":\n    task: multiclass\n    classes: [a, b, c]\n"
                + "  " + REGRESSION + ":\n    task: regression\n"
                + "sink:\n  batch_rows: 1000\n  flush_interval: 1s\n";
        return new ConfigLoader().parse(yaml, "it");
    }

    private static void runJob(String group) throws Exception {
        DriftwatchConfig config = config();
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        DriftwatchJob.Inputs inputs = new DriftwatchJob.Inputs(
                PredictionSources.kafka(config).setGroupId(group).setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest()).build(),
                null, new ClickHouseBaselineLoader(clickhouse.jdbcUrl(), clickhouse.user(), clickhouse.password(),
                DATABASE),
                LabelSources.kafka(config).setGroupId(group + "-labels").setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest()).build());
        DriftwatchJob.build(env, config, inputs, ResultSinks.clickHouse(config), DeadLetterTopic.sink(config.kafka()));
        env.execute("label-it-" + group);
    }

    private static final String PERFORMANCE_COLUMNS = "model_id, segment, toUnixTimestamp64Milli(window_start), task, "
            + "predictions, labelled, coverage, label_delay_p50_s, label_delay_p90_s, label_delay_p99_s, "
            + "label_delay_max_s, ece, mce, ace, brier, log_loss, roc_auc, average_precision, precision, recall, f1, "
            + "accuracy, tp, fp, tn, fn, macro_f1, mae, rmse, mape, r2, estimated, estimated_accuracy, "
            + "estimated_precision, estimated_recall, estimated_f1, revision, toUnixTimestamp64Milli(emitted_at)";

    /** Every performance row (FINAL) as "model/segment/window" to its column values (as text, NaN included). */
    private static Map<String, List<String>> performance(Statement st) throws Exception {
        Map<String, List<String>> rows = new TreeMap<>();
        ResultSet rs = st.executeQuery("SELECT " + PERFORMANCE_COLUMNS + " FROM " + DATABASE + ".performance FINAL");
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            List<String> values = new ArrayList<>();
            for (int c = 4; c <= columns; c++) {
                values.add(rs.getString(c));
            }
            rows.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getLong(3), values);
        }
        return rows;
    }

    @Test
    @Timeout(300)
    void finalRowsEqualTheAccumulatorsOnTheJoinedDataAndAReplayChangesNothing() throws Exception {
        runJob("lit-run-1");
        Map<String, List<String>> first;
        try (Connection c = clickhouse.openConnection(); Statement st = c.createStatement()) {
            first = performance(st);
            assertThat(first.keySet()).isEqualTo(outcomes.keySet());
            for (Map.Entry<String, List<Outcome>> window : outcomes.entrySet()) {
                checkWindow(st, window.getKey(), window.getValue());
            }
            assertThat(LabelTables.count(st, "SELECT max(revision) FROM " + DATABASE + ".performance FINAL")).isGreaterThan(1);
            assertThat(expectedReasons).containsOnlyKeys("duplicate_label", "label_past_horizon", "unknown_prediction",
                    "label_mismatch");
            assertThat(LabelTables.deadLetterReasons(st, LABELS)).isEqualTo(expectedReasons);
            List<String> expectedChanges = expectedChangePoints();
            assertThat(expectedChanges).anyMatch(p -> p.startsWith(BINARY + "/"));
            assertThat(LabelTables.changePoints(st)).isEqualTo(expectedChanges);
        }
        runJob("lit-run-2");
        try (Connection c = clickhouse.openConnection(); Statement st = c.createStatement()) {
            assertThat(performance(st)).isEqualTo(first);
            assertThat(LabelTables.deadLetterReasons(st, LABELS)).isEqualTo(expectedReasons);
        }
    }

    private static void checkWindow(Statement st, String key, List<Outcome> window) throws Exception {
        String[] parts = key.split("/");
        List<Outcome> sorted = new ArrayList<>(window);
        sorted.sort(Outcome.ORDER);
        long predictions = sorted.stream().filter(o -> o.kind == Outcome.PREDICTION).count();
        List<Outcome> labelled = sorted.stream().filter(o -> o.kind == Outcome.LABEL).toList();
        ResultSet rs = st.executeQuery("SELECT " + PERFORMANCE_COLUMNS + " FROM " + DATABASE + ".performance FINAL "
                + "WHERE model_id = '" + parts[0] + "' AND segment = '" + parts[1] + "' AND window_start = "
                + "fromUnixTimestamp64Milli(" + parts[2] + ")");
        assertThat(rs.next()).as(key).isTrue();
        assertThat(rs.getLong("predictions")).as(key).isEqualTo(predictions);
        assertThat(rs.getLong("labelled")).as(key).isEqualTo(labelled.size());
        assertThat(rs.getDouble("coverage")).as(key).isEqualTo((double) labelled.size() / predictions);
        assertThat(rs.getBoolean("estimated")).as(key).isEqualTo((double) labelled.size() / predictions < 0.9);
        long[] delays = labelled.stream().mapToLong(o -> Math.max(0, o.labelTimeMillis - o.predictionTimeMillis))
                .sorted().toArray();
        assertThat(rs.getDouble("label_delay_p50_s")).as(key).isEqualTo(LabelTables.invertedCdf(delays, 0.5) / 1000.0);
        assertThat(rs.getDouble("label_delay_p90_s")).as(key).isEqualTo(LabelTables.invertedCdf(delays, 0.9) / 1000.0);
        assertThat(rs.getDouble("label_delay_p99_s")).as(key).isEqualTo(LabelTables.invertedCdf(delays, 0.99) / 1000.0);
        assertThat(rs.getDouble("label_delay_max_s")).as(key).isEqualTo(delays[delays.length - 1] / 1000.0);
        switch (parts[0]) {
            case BINARY -> {
                BinaryClassificationAccumulator acc = new BinaryClassificationAccumulator(THRESHOLD);
                ExpectedConfusionAccumulator cbpe = new ExpectedConfusionAccumulator(THRESHOLD);
                for (Outcome o : sorted) {
                    if (o.kind == Outcome.LABEL) {
                        acc.add(o.output, (int) o.labelNumeric);
                    } else {
                        cbpe.add(o.output);
                    }
                }
                BinaryClassificationMetrics m = acc.metrics();
                assertThat(new double[] {rs.getDouble("ece"), rs.getDouble("mce"), rs.getDouble("ace"),
                        rs.getDouble("brier"), rs.getDouble("log_loss"), rs.getDouble("roc_auc"),
                        rs.getDouble("average_precision"), rs.getDouble("precision"), rs.getDouble("recall"),
                        rs.getDouble("f1"), rs.getDouble("accuracy")}).as(key).containsExactly(m.ece(), m.mce(), m.ace(),
                        m.brier(), m.logLoss(), m.rocAuc(), m.averagePrecision(), m.precision(), m.recall(), m.f1(),
                        m.accuracy());
                assertThat(new long[] {rs.getLong("tp"), rs.getLong("fp"), rs.getLong("tn"), rs.getLong("fn")})
                        .as(key).containsExactly(m.confusionMatrix().tp(), m.confusionMatrix().fp(),
                                m.confusionMatrix().tn(), m.confusionMatrix().fn());
                EstimatedBinaryPerformance e = cbpe.estimate();
                assertThat(new double[] {rs.getDouble("estimated_accuracy"), rs.getDouble("estimated_precision"),
                        rs.getDouble("estimated_recall"), rs.getDouble("estimated_f1")}).as(key)
                        .containsExactly(e.accuracy(), e.precision(), e.recall(), e.f1());
                assertThat(rs.getDouble("macro_f1")).isNaN();
                LabelTables.checkReliability(st, parts, m.reliability());
                Map<String, Long> balance = new TreeMap<>();
                labelled.forEach(o -> balance.merge(o.labelNumeric == 1.0 ? "1" : "0", 1L, Long::sum));
                LabelTables.checkLabelDrift(st, parts, BINARY_BALANCE, balance, labelled.size());
            }
            case MULTICLASS -> {
                MulticlassAccumulator acc = new MulticlassAccumulator(CLASSES.length);
                labelled.forEach(o -> acc.add(o.labelClass, o.predictedClass));
                MulticlassMetrics m = acc.metrics();
                assertThat(rs.getDouble("accuracy")).as(key).isEqualTo(m.top1Accuracy());
                assertThat(rs.getDouble("macro_f1")).as(key).isEqualTo(m.macroF1());
                assertThat(rs.getDouble("ece")).isNaN();
                Map<String, Long> balance = new TreeMap<>();
                labelled.forEach(o -> balance.merge(CLASSES[o.labelClass], 1L, Long::sum));
                LabelTables.checkLabelDrift(st, parts, MULTICLASS_BALANCE, balance, labelled.size());
            }
            default -> {
                RegressionAccumulator acc = new RegressionAccumulator();
                labelled.forEach(o -> acc.add(o.labelNumeric, o.output));
                RegressionMetrics m = acc.metrics();
                assertThat(new double[] {rs.getDouble("mae"), rs.getDouble("rmse"), rs.getDouble("mape"),
                        rs.getDouble("r2")}).as(key).containsExactly(m.mae(), m.rmse(), m.mape(), m.r2());
                assertThat(rs.getDouble("estimated_accuracy")).isNaN();
            }
        }
        assertThat(rs.next()).isFalse();
    }

    /** ADWIN fed per model and segment with the labelled errors in Outcome.ORDER: "model/segment/labelTime" set. */
    private static List<String> expectedChangePoints() {
        Map<String, List<Outcome>> streams = new TreeMap<>();
        outcomes.values().forEach(list -> list.stream().filter(o -> o.kind == Outcome.LABEL)
                .forEach(o -> streams.computeIfAbsent(o.modelId + "/" + o.segment, k -> new ArrayList<>()).add(o)));
        List<String> points = new ArrayList<>();
        streams.forEach((stream, list) -> {
            list.sort(Outcome.ORDER);
            ChangeDetector detector = ChangeDetectors.create(ErrorChangeDetection.DETECTOR);
            for (Outcome o : list) {
                double error = switch (o.modelId) {
                    case BINARY -> (o.output >= THRESHOLD ? 1 : 0) == (int) o.labelNumeric ? 0 : 1;
                    case MULTICLASS -> o.predictedClass == o.labelClass ? 0 : 1;
                    default -> Math.abs(o.labelNumeric - o.output);
                };
                if (detector.update(error) == Signal.CHANGE) {
                    points.add(stream + "/" + o.labelTimeMillis + "/" + detector.inputs());
                }
            }
        });
        points.sort(null);
        return points;
    }
}
