package io.driftwatch.flink.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.drift.ClickHouseBaselineLoader;
import io.driftwatch.flink.job.DeadLetterTopic;
import io.driftwatch.flink.job.DriftwatchJob;
import io.driftwatch.flink.job.ResultSinks;
import io.driftwatch.flink.source.CardinalityGuard;
import io.driftwatch.flink.source.PredictionSources;
import io.driftwatch.flink.telemetry.PipelineMetrics;
import io.driftwatch.schemas.events.DeadLetter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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

/**
 * Guarantee: hostile input never fails the job, every bad record is dead-lettered with its reason, good events
 * are counted exactly, and per-model cardinality guards cap state with counted overflow buckets.
 * {@value #BAD} bad records of every {@link HostileEvents.Bad} kind (a few of them 10 MB) are mixed with one good
 * event per {@value #BAD_PER_GOOD} bad ones on a one-partition topic (so first-come admission is in offset order
 * and the folds can be computed here); the job runs bounded to the end with restarts disabled.
 */
class HostileInputITCase {

    private static final int BAD = 1_000_000;
    private static final int BAD_PER_GOOD = 20;
    private static final int TEN_MEGABYTE_RECORDS = 3;
    /** Flavours of good events, by good-event number modulo this. */
    private static final int FLAVOURS = 10;
    /** As segments.<model>.max_cardinality's default (100), which may not exceed it. */
    private static final int MAX_SEGMENTS = 100;
    private static final int MAX_CATEGORIES = 10;
    private static final int UNKNOWN_MODELS = 7;
    private static final String MAX_MESSAGE_BYTES = Integer.toString(16 * 1024 * 1024);
    private static final String DATABASE = "hostile";
    private static final Duration GOOD_SPACING = Duration.ofMillis(12);
    private static final Duration DEAD_LETTER_READ = Duration.ofMinutes(5);
    private static InMemoryReporter metrics;
    private static ReliabilityStack stack;

    @BeforeAll
    static void start() throws Exception {
        metrics = InMemoryReporter.createWithRetainedMetrics();
        stack = ReliabilityStack.start(1, Map.of("max.message.bytes", MAX_MESSAGE_BYTES),
                metrics.addToConfiguration(new Configuration()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    /** What was produced: expected reason per offset (null: good) and the expected counts. */
    private static final class Produced {
        HostileEvents.Bad[] kindByOffset = new HostileEvents.Bad[BAD + BAD / BAD_PER_GOOD + TEN_MEGABYTE_RECORDS + 1];
        long good;
        long unboundedSegmentEvents;
        long unboundedCategoryEvents;
        long offset;
    }

    private static Produced produce() throws Exception {
        Produced produced = new Produced();
        HostileEvents events = new HostileEvents(Instant.now().minus(Duration.ofMinutes(30)).toEpochMilli(),
                GOOD_SPACING.toMillis());
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_MESSAGE_BYTES);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            int tenMegabyteEvery = BAD / (TEN_MEGABYTE_RECORDS + 1);
            for (int i = 0; i < BAD; i++) {
                HostileEvents.Bad kind = HostileEvents.CYCLED[i % HostileEvents.CYCLED.length];
                send(producer, produced, events.bad(kind, i), kind);
                if (i % tenMegabyteEvery == tenMegabyteEvery - 1 && i < BAD - 1) {
                    send(producer, produced, events.bad(HostileEvents.Bad.TEN_MEGABYTES, i), HostileEvents.Bad.TEN_MEGABYTES);
                }
                if (i % BAD_PER_GOOD == BAD_PER_GOOD - 1) {
                    send(producer, produced, good(events, produced), null);
                }
            }
            producer.flush();
        }
        return produced;
    }

    private static byte[] good(HostileEvents events, Produced produced) {
        long g = produced.good++;
        String json = switch ((int) (g % FLAVOURS)) {
            case 0 -> {
                produced.unboundedSegmentEvents++;
                yield events.good(g, HostileEvents.UNBOUNDED_SEGMENTS, "p-" + g, "c" + g, "web");
            }
            case 1 -> {
                produced.unboundedCategoryEvents++;
                yield events.good(g, HostileEvents.UNBOUNDED_CATEGORIES, "p-" + g, "DE", "ch" + g);
            }
            case 2 -> events.good(g, "never-configured-" + g % UNKNOWN_MODELS, "p-" + g, "FR", "app");
            case 3 -> events.good(g, HostileEvents.FRAUD, "p-" + (g - 1), "IT", "pos"); // duplicate prediction id
            default -> events.goodKnown(g);
        };
        return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, Produced produced, byte[] value,
                             HostileEvents.Bad kind) {
        producer.send(new ProducerRecord<>(ReliabilityStack.PREDICTIONS, 0, null, value));
        produced.kindByOffset[(int) produced.offset++] = kind;
    }

    @Test
    @Timeout(600)
    void aMillionBadRecordsAreDeadLetteredWithTheirReasonAndGoodOnesCountedExactly() throws Exception {
        long started = System.nanoTime();
        Produced produced = produce();
        long producedAt = System.nanoTime();
        stack.migrate(DATABASE);
        DriftwatchConfig config = stack.config(DATABASE, "group-" + DATABASE, "limits:\n  max_segments_per_model: "
                + MAX_SEGMENTS + "\n  max_categories_per_feature: " + MAX_CATEGORIES
                + "\n  max_event_time_ahead: 1h\n  max_event_time_behind: 1d\n");
        stack.kafka.createTopic(config.kafka().deadLetterTopic(), 1, Map.of());
        Configuration noRestarts = new Configuration();
        noRestarts.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = new TestStreamEnvironment(stack.flink, noRestarts,
                ReliabilityStack.PARALLELISM, List.of(), List.of());
        env.enableCheckpointing(ReliabilityStack.CHECKPOINT_INTERVAL.toMillis());
        DriftwatchJob.Inputs inputs = new DriftwatchJob.Inputs(PredictionSources.kafka(config)
                .setBounded(OffsetsInitializer.latest()).build(), null, new ClickHouseBaselineLoader(
                stack.clickhouse.jdbcUrl(), stack.clickhouse.user(), stack.clickhouse.password(), DATABASE));
        DriftwatchJob.build(env, config, inputs, ResultSinks.clickHouse(config), DeadLetterTopic.sink(config.kafka()));
        JobExecutionResult result = env.execute("hostile-input");
        long ranAt = System.nanoTime();

        long bad = produced.offset - produced.good;
        assertThat(bad).isEqualTo(BAD + TEN_MEGABYTE_RECORDS);
        Map<String, Long> expectedReasons = new TreeMap<>();
        for (int o = 0; o < produced.offset; o++) {
            if (produced.kindByOffset[o] != null) {
                expectedReasons.merge(produced.kindByOffset[o].reason.id(), 1L, Long::sum);
            }
        }
        try (Connection c = stack.clickhouse.openConnection()) {
            assertThat(scalar(c, "SELECT sum(predictions) FROM hostile.volume FINAL")).isEqualTo(produced.good);
            assertThat(scalar(c, "SELECT count() FROM hostile.volume FINAL WHERE late_events > 0")).isZero();
            assertThat(scalar(c, "SELECT uniqExact(segment) FROM hostile.volume FINAL WHERE model_id = '"
                    + HostileEvents.UNBOUNDED_SEGMENTS + "'")).isEqualTo(MAX_SEGMENTS + 1);
            assertThat(scalar(c, "SELECT sum(predictions) FROM hostile.volume FINAL WHERE segment = '"
                    + CardinalityGuard.OVERFLOW_SEGMENT + "'")).isEqualTo(produced.unboundedSegmentEvents - MAX_SEGMENTS);
            assertThat(reasons(c)).isEqualTo(expectedReasons);
        }
        assertThat(counter(result, PipelineMetrics.SEGMENT_OVERFLOW))
                .isEqualTo(produced.unboundedSegmentEvents - MAX_SEGMENTS);
        assertThat(counter(result, PipelineMetrics.CATEGORY_OVERFLOW))
                .isEqualTo(produced.unboundedCategoryEvents - MAX_CATEGORIES);
        assertThat(counter(result, PipelineMetrics.EVENTS_IN)).isEqualTo(produced.offset);
        checkDeadLetterTopic(config.kafka().deadLetterTopic(), produced);
        System.out.printf("hostile input: produce %d s, job %d s, checks %d s%n",
                Duration.ofNanos(producedAt - started).toSeconds(), Duration.ofNanos(ranAt - producedAt).toSeconds(),
                Duration.ofNanos(System.nanoTime() - ranAt).toSeconds());
    }

    private static long counter(JobExecutionResult result, String name) {
        return metrics.findMetrics(result.getJobID(), name).values().stream()
                .mapToLong(m -> ((Counter) m).getCount()).sum();
    }

    private static long scalar(Connection c, String sql) throws Exception {
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Long> reasons(Connection c) throws Exception {
        Map<String, Long> reasons = new TreeMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT reason, count() FROM hostile.dead_letters FINAL "
                + "GROUP BY reason"); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                reasons.put(rs.getString(1), rs.getLong(2));
            }
        }
        return reasons;
    }

    /** Every bad record's offset is in the dead-letter topic with the reason of its kind; no good one is. */
    private static void checkDeadLetterTopic(String topic, Produced produced) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20000");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_MESSAGE_BYTES);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, MAX_MESSAGE_BYTES);
        boolean[] seen = new boolean[(int) produced.offset];
        long[] found = {0};
        Map<HostileEvents.Bad, String> mismatches = new EnumMap<>(HostileEvents.Bad.class);
        List<Integer> goodDeadLettered = new java.util.ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            // One condition evaluation drains what is there: Awaitility's poll interval would dominate otherwise.
            Awaitility.await().atMost(DEAD_LETTER_READ).until(() -> {
                for (ConsumerRecords<byte[], byte[]> batch = consumer.poll(Duration.ofMillis(500)); !batch.isEmpty();
                     batch = consumer.poll(Duration.ofMillis(500))) {
                    for (ConsumerRecord<byte[], byte[]> r : batch) {
                        DeadLetter letter = DeadLetter.fromJson(r.value());
                        int offset = (int) letter.sourceOffset();
                        HostileEvents.Bad kind = produced.kindByOffset[offset];
                        if (kind == null) {
                            goodDeadLettered.add(offset);
                        } else if (letter.reason() != kind.reason) {
                            mismatches.putIfAbsent(kind, offset + ": " + letter.reason() + " " + letter.detail());
                        }
                        if (!seen[offset]) {
                            seen[offset] = true;
                            found[0]++;
                        }
                    }
                }
                return consumer.position(partition) >= end;
            });
        }
        assertThat(goodDeadLettered).isEmpty();
        assertThat(mismatches).isEmpty();
        assertThat(found[0]).isEqualTo(produced.offset - produced.good);
    }
}
