package io.driftwatch.benchmarks.pipeline;

import io.driftwatch.flink.config.KafkaProperties;
import io.driftwatch.schemas.events.EventParser;
import io.driftwatch.schemas.events.PredictionFields;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The ceiling the job is compared with: one thread, a plain {@link KafkaConsumer} reading the whole topic and
 * an {@link EventParser} parse of every record, nothing else: either into the {@code PredictionEvent} record
 * ({@link Target#RECORD}) or into one reused {@link PredictionFields} ({@link Target#FIELDS}, the job's own
 * parse, the faster and stricter ceiling).
 */
final class BareConsumeParse {

    /** What each record is parsed into. */
    enum Target {
        RECORD("record"), FIELDS("flat fields"),
        /** No parse at all: what the Kafka consumer alone costs (the floor under both). */
        NONE("nothing");

        final String label;

        Target(String label) {
            this.label = label;
        }
    }

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_POLL_RECORDS = 10_000;
    /** The job's own fetch bound, so both read Kafka alike. */
    static final int JOB_FETCH_BYTES = KafkaProperties.FETCH_MAX_BYTES;
    /** Four times larger: fewer round trips, each response a humongous array even at 16 MiB regions. */
    static final int LARGE_FETCH_BYTES = 4 * JOB_FETCH_BYTES;

    private BareConsumeParse() {}

    /** Reads every partition to its end offset; returns the wall seconds. Throws if any event fails to parse. */
    static double run(String bootstrapServers, String topic, int partitions, long expected, Target target) {
        return run(bootstrapServers, topic, partitions, expected, target, JOB_FETCH_BYTES);
    }

    /** {@link #run(String, String, int, long, Target)} with fetch responses of up to {@code fetchBytes}. */
    static double run(String bootstrapServers, String topic, int partitions, long expected, Target target,
                      int fetchBytes) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, fetchBytes);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, fetchBytes);
        EventParser parser = new EventParser();
        PredictionFields fields = new PredictionFields();
        long started = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> assigned = new java.util.ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                assigned.add(new TopicPartition(topic, p));
            }
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            if (total != expected) {
                throw new IllegalStateException("topic holds " + total + " records, expected " + expected);
            }
            long read = 0;
            long parsed = 0;
            while (read < total) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    read++;
                    boolean ok = switch (target) {
                        case RECORD -> parser.parsePrediction(record.value()).isOk();
                        case FIELDS -> parser.parsePrediction(record.value(), fields).isEmpty();
                        case NONE -> record.value() != null;
                    };
                    if (ok) {
                        parsed++;
                    }
                }
            }
            if (parsed != expected) {
                throw new IllegalStateException("parsed " + parsed + " of " + expected + " events");
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
