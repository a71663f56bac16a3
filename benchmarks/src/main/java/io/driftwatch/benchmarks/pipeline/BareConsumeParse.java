package io.driftwatch.benchmarks.pipeline;

import io.driftwatch.schemas.events.EventParser;
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
 * {@link EventParser#parsePrediction} on every record, nothing else.
 */
final class BareConsumeParse {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int MAX_POLL_RECORDS = 10_000;
    private static final int FETCH_BYTES = 16 << 20;

    private BareConsumeParse() {}

    /** Reads every partition to its end offset; returns the wall seconds. Throws if any event fails to parse. */
    static double run(String bootstrapServers, String topic, int partitions, long expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, FETCH_BYTES);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, FETCH_BYTES);
        EventParser parser = new EventParser();
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
                    if (parser.parsePrediction(record.value()).isOk()) {
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
