package io.driftwatch.flink.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.localstack.kafka.EmbeddedKafka;
import io.driftwatch.schemas.migrate.Migrator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Flink job on a MiniCluster reads a real Kafka topic and writes rows to a real ClickHouse. */
class KafkaToClickHouseITCase {

    private static final String TOPIC = "smoke-events";
    private static final int EVENTS = 20_000;
    private static final long BASE_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final String[] MODELS = {"fraud", "credit", "routing"};

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static EmbeddedKafka kafka;
    private static EmbeddedClickHouse clickhouse;

    @BeforeAll
    static void startStack() throws Exception {
        kafka = EmbeddedKafka.start();
        clickhouse = EmbeddedClickHouse.start();
        kafka.createTopic(TOPIC, 2, Map.of("retention.ms", "-1"));
        try (Connection connection = clickhouse.openConnection()) {
            Migrator.driftwatch().migrate(connection);
        }
        produceEvents();
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

    /** One CSV line per event: seq,model,feature,value,epochMillis. */
    private static void produceEvents() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int seq = 0; seq < EVENTS; seq++) {
                producer.send(new ProducerRecord<>(TOPIC, Integer.toString(seq), line(seq)));
            }
            producer.flush();
        }
    }

    private static String line(int seq) {
        return seq + "," + MODELS[seq % MODELS.length] + ",amount," + (seq * 0.5) + "," + (BASE_MILLIS + seq * 1000L);
    }

    record SmokeEvent(long seq, String model, String feature, double value, long epochMillis) {
        static SmokeEvent parse(String line) {
            String[] f = line.split(",");
            return new SmokeEvent(Long.parseLong(f[0]), f[1], f[2], Double.parseDouble(f[3]), Long.parseLong(f[4]));
        }
    }

    private static long countWithResidue(int residue) {
        return (EVENTS - residue + MODELS.length - 1) / MODELS.length;
    }

    @Test
    void everyKafkaEventBecomesExactlyOneClickHouseRow() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        KafkaSource<String> source = KafkaSource.<String>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(TOPIC)
                .setGroupId("smoke-it")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(new SimpleStringSchema())
                .build();
        ClickHouseSink<SmokeEvent> sink = ClickHouseSink.<SmokeEvent>builder()
                .jdbcUrl(clickhouse.jdbcUrl())
                .table(Migrator.DEFAULT_DATABASE + ".smoke_events")
                .columns("event_time", "model_id", "feature", "value", "seq")
                .maxBatchRows(3_000)
                .binder((e, s) -> {
                    s.setTimestamp(1, Timestamp.from(Instant.ofEpochMilli(e.epochMillis())));
                    s.setString(2, e.model());
                    s.setString(3, e.feature());
                    s.setDouble(4, e.value());
                    s.setLong(5, e.seq());
                })
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka")
                .map(SmokeEvent::parse)
                .sinkTo(sink);
        env.execute("kafka-to-clickhouse");

        try (Connection c = clickhouse.openConnection();
             Statement st = c.createStatement()) {
            ResultSet totals = st.executeQuery("SELECT count(), uniqExact(seq), sum(seq), sum(value), "
                    + "min(event_time), max(event_time) FROM driftwatch.smoke_events");
            assertThat(totals.next()).isTrue();
            long n = EVENTS;
            assertThat(totals.getLong(1)).isEqualTo(n);
            assertThat(totals.getLong(2)).isEqualTo(n);
            assertThat(totals.getLong(3)).isEqualTo(n * (n - 1) / 2);
            assertThat(totals.getDouble(4)).isEqualTo(0.5 * n * (n - 1) / 2);
            assertThat(totals.getTimestamp(5).toInstant()).isEqualTo(Instant.ofEpochMilli(BASE_MILLIS));
            assertThat(totals.getTimestamp(6).toInstant()).isEqualTo(Instant.ofEpochMilli(BASE_MILLIS + (n - 1) * 1000));

            ResultSet perModel = st.executeQuery(
                    "SELECT model_id, count() FROM driftwatch.smoke_events GROUP BY model_id ORDER BY model_id");
            Map<String, Long> expected = Map.of("fraud", countWithResidue(0), "credit", countWithResidue(1),
                    "routing", countWithResidue(2));
            int models = 0;
            while (perModel.next()) {
                assertThat(perModel.getLong(2)).as(perModel.getString(1)).isEqualTo(expected.get(perModel.getString(1)));
                models++;
            }
            assertThat(models).isEqualTo(3);

            ResultSet one = st.executeQuery(
                    "SELECT model_id, feature, value, toUnixTimestamp64Milli(event_time) FROM driftwatch.smoke_events WHERE seq = 12345");
            assertThat(one.next()).isTrue();
            SmokeEvent expectedRow = SmokeEvent.parse(line(12345));
            assertThat(one.getString(1)).isEqualTo(expectedRow.model());
            assertThat(one.getString(2)).isEqualTo("amount");
            assertThat(one.getDouble(3)).isEqualTo(expectedRow.value());
            assertThat(one.getLong(4)).isEqualTo(expectedRow.epochMillis());
        }
    }
}
