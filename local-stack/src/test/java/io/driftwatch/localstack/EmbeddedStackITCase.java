package io.driftwatch.localstack;

import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.localstack.kafka.EmbeddedKafka;
import io.driftwatch.schemas.migrate.ClasspathMigrations;
import io.driftwatch.schemas.migrate.MigrationReport;
import io.driftwatch.schemas.migrate.Migrator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The foundation test: real Kafka and real ClickHouse side by side, data through both, restarts keep
 * data, nothing left running afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedStackITCase {

    private static final int EVENTS = 100_000;
    private static final String TOPIC = "stack-events";
    private static final String TX_TOPIC = "stack-transactions";
    private static final int PARTITIONS = 3;
    private static final String DATABASE = "it_stack";
    /** Historic on purpose: the broker must not delete these by retention time. */
    private static final Instant BASE_TIME = Instant.parse("2020-01-01T00:00:00Z");
    /** Ten seconds between rows spreads 100k rows over 12 daily partitions. */
    private static final long ROW_SPACING_MILLIS = 10_000;
    private static final int MODELS = 3;
    private static final int FEATURES = 10;
    /** Server logs are kept here for post-mortems (failsafe runs in the module directory). */
    private static final Path LOGS = Path.of("target", "embedded-stack-it");
    private static final Duration CONSUME_TIMEOUT = Duration.ofSeconds(60);

    private EmbeddedKafka kafka;
    private EmbeddedClickHouse clickHouse;
    private ProcessHandle kafkaProcess;
    private ProcessHandle clickHouseProcess;

    @BeforeAll
    void startStack() {
        long started = System.nanoTime();
        CompletableFuture<EmbeddedClickHouse> ch = CompletableFuture.supplyAsync(() -> timed("ClickHouse ready",
                () -> EmbeddedClickHouse.builder().logFile(LOGS.resolve("clickhouse.log")).start()));
        kafka = timed("Kafka ready", () -> EmbeddedKafka.builder().logFile(LOGS.resolve("kafka.log")).start());
        clickHouse = ch.join();
        System.out.printf("stack ready in %.2f s%n", (System.nanoTime() - started) / 1e9);
        kafkaProcess = kafka.processHandle().orElseThrow();
        clickHouseProcess = clickHouse.processHandle().orElseThrow();
    }

    @AfterAll
    void closeStack() {
        if (kafka != null) {
            kafka.close();
        }
        if (clickHouse != null) {
            clickHouse.close();
        }
    }

    @Test
    @Order(1)
    void kafkaRoundTripsEveryEventWithHistoricTimestamps() {
        kafka.createTopic(TOPIC, PARTITIONS, Map.of("compression.type", "lz4"));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            for (int i = 0; i < EVENTS; i++) {
                producer.send(new ProducerRecord<>(TOPIC, null, eventTime(i).toEpochMilli(), key(i), value(i)));
            }
            producer.flush();
        }
        assertAllEventsReadable();
    }

    @Test
    @Order(2)
    void kafkaAcceptsHourLongTransactionsAndHidesAbortedOnes() {
        kafka.createTopic(TX_TOPIC, 1, Map.of());
        Properties config = producerConfig();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "stack-it-tx");
        config.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Duration.ofHours(1).toMillis());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TX_TOPIC, "k", "aborted"));
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TX_TOPIC, "k", "committed"));
            producer.commitTransaction();
        }
        Properties consumerConfig = consumerConfig();
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> values = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
            TopicPartition partition = new TopicPartition(TX_TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(CONSUME_TIMEOUT).pollInterval(Duration.ZERO).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                return consumer.position(partition) >= consumer.endOffsets(List.of(partition)).get(partition);
            });
        }
        assertThat(values).containsExactly("committed");
    }

    @Test
    @Order(3)
    void kafkaRestartKeepsTopicData() {
        int portBefore = kafka.port();
        kafka.stop();
        assertThat(kafka.isRunning()).isFalse();
        timed("Kafka restarted", kafka::restart);
        assertThat(kafka.port()).isEqualTo(portBefore);
        kafkaProcess = kafka.processHandle().orElseThrow();
        assertAllEventsReadable();
    }

    @Test
    @Order(4)
    void clickHouseIsVersion26AndMigrationsApplyOnce() throws SQLException {
        try (Connection c = clickHouse.openConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("26.");

            Migrator migrator = Migrator.builder().database(DATABASE).build();
            MigrationReport first = migrator.migrate(c);
            assertThat(first.applied()).isEqualTo(ClasspathMigrations.driftwatch());
            MigrationReport second = migrator.migrate(c);
            assertThat(second.upToDate()).isTrue();
            assertThat(second.alreadyApplied()).isEqualTo(ClasspathMigrations.driftwatch());
            assertThat(count(s, "SELECT count() FROM " + DATABASE + ".schema_migrations"))
                    .isEqualTo(ClasspathMigrations.driftwatch().size());
        }
        try (Connection c = clickHouse.openConnection(DATABASE);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT currentDatabase()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("database of jdbcUrl(db)").isEqualTo(DATABASE);
        }
    }

    @Test
    @Order(5)
    void clickHouseBatchInsertRoundTrips() throws SQLException {
        long started = System.nanoTime();
        try (Connection c = clickHouse.openConnection(DATABASE);
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO smoke_events (event_time, model_id, feature, value, seq) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < EVENTS; i++) {
                insert.setObject(1, LocalDateTime.ofInstant(eventTime(i), ZoneOffset.UTC));
                insert.setString(2, model(i));
                insert.setString(3, feature(i));
                insert.setDouble(4, measurement(i));
                insert.setLong(5, i);
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            assertThat(IntStream.of(counts).sum()).isEqualTo(EVENTS);
        }
        System.out.printf("ClickHouse batch insert of %d rows: %.2f s%n", EVENTS, (System.nanoTime() - started) / 1e9);
        assertSmokeEventsIntact();
    }

    @Test
    @Order(6)
    void clickHouseRestartOnSameDataDirKeepsRows() throws SQLException {
        int portBefore = clickHouse.httpPort();
        clickHouse.stop();
        assertThat(clickHouse.isRunning()).isFalse();
        timed("ClickHouse restarted", clickHouse::restart);
        assertThat(clickHouse.httpPort()).isEqualTo(portBefore);
        clickHouseProcess = clickHouse.processHandle().orElseThrow();
        assertSmokeEventsIntact();
    }

    @Test
    @Order(7)
    void closeLeavesNoChildProcess() {
        assertThat(kafkaProcess.isAlive()).isTrue();
        assertThat(clickHouseProcess.isAlive()).isTrue();
        kafka.close();
        clickHouse.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> !kafkaProcess.isAlive() && !clickHouseProcess.isAlive());
        assertThat(ProcessHandle.current().descendants().map(ProcessHandle::pid))
                .doesNotContain(kafkaProcess.pid(), clickHouseProcess.pid());
        assertThat(kafka.logDir()).doesNotExist();
        assertThat(clickHouse.dataDir()).doesNotExist();
    }

    private void assertAllEventsReadable() {
        BitSet seen = new BitSet(EVENTS);
        int[] received = {0};
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(TOPIC, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(CONSUME_TIMEOUT).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    int i = Integer.parseInt(r.value().substring(r.value().lastIndexOf('-') + 1));
                    assertThat(r.value()).isEqualTo(value(i));
                    assertThat(r.key()).isEqualTo(key(i));
                    assertThat(r.timestamp()).isEqualTo(eventTime(i).toEpochMilli());
                    assertThat(seen.get(i)).as("event %d delivered twice", i).isFalse();
                    seen.set(i);
                    received[0]++;
                }
                return received[0] >= EVENTS;
            });
            assertThat(consumer.poll(Duration.ofMillis(500))).as("nothing beyond the produced events").isEmpty();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            assertThat(ends.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(EVENTS);
        }
        assertThat(received[0]).isEqualTo(EVENTS);
        assertThat(seen.cardinality()).isEqualTo(EVENTS);
    }

    private void assertSmokeEventsIntact() throws SQLException {
        try (Connection c = clickHouse.openConnection(DATABASE);
             Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count() FROM smoke_events")).isEqualTo(EVENTS);
            assertThat(count(s, "SELECT sum(seq) FROM smoke_events")).isEqualTo((long) EVENTS * (EVENTS - 1) / 2);
            assertThat(count(s, "SELECT uniqExact(model_id) FROM smoke_events")).isEqualTo(MODELS);
            assertThat(count(s, "SELECT count() FROM system.parts WHERE database = '" + DATABASE
                    + "' AND table = 'smoke_events' AND active AND partition = '2020-01-05'")).isPositive();
            try (ResultSet rs = s.executeQuery("SELECT sum(value) FROM smoke_events")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getDouble(1)).isEqualTo(IntStream.range(0, EVENTS).mapToDouble(EmbeddedStackITCase::measurement).sum());
            }
            for (int i : new int[] {0, 1, 12_345, EVENTS - 1}) {
                try (ResultSet rs = s.executeQuery("SELECT toUnixTimestamp64Milli(event_time), model_id, feature, value"
                        + " FROM smoke_events WHERE seq = " + i)) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).as("event_time of %d", i).isEqualTo(eventTime(i).toEpochMilli());
                    assertThat(rs.getString(2)).isEqualTo(model(i));
                    assertThat(rs.getString(3)).isEqualTo(feature(i));
                    assertThat(rs.getDouble(4)).isEqualTo(measurement(i));
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private Properties producerConfig() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return p;
    }

    private Properties consumerConfig() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        return p;
    }

    private static Instant eventTime(int i) {
        return BASE_TIME.plusMillis(i * ROW_SPACING_MILLIS + i % 1000);
    }

    private static String key(int i) {
        return "model-" + (i % MODELS);
    }

    private static String value(int i) {
        return "{\"feature\":\"" + feature(i) + "\",\"value\":" + measurement(i) + "}-" + i;
    }

    private static String model(int i) {
        return "model-" + (i % MODELS);
    }

    private static String feature(int i) {
        return "f" + (i % FEATURES);
    }

    private static double measurement(int i) {
        return i * 0.25 - 7.5;
    }

    private static <T> T timed(String what, java.util.function.Supplier<T> action) {
        long started = System.nanoTime();
        T result = action.get();
        System.out.printf("%s in %.2f s%n", what, (System.nanoTime() - started) / 1e9);
        return result;
    }
}
