package io.driftwatch.benchmarks.pipeline;

import java.util.List;

import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes the synthetic events into a topic, round-robin over its partitions so each partition is in time order. */
final class TopicLoader {

    /** Large batches: loading is setup, not measured. Uncompressed, so the consumer measures plain parsing. */
    private static final int BATCH_BYTES = 1 << 20;
    private static final int LINGER_MS = 20;

    private TopicLoader() {}

    static void load(String bootstrapServers, String topic, int partitions, long events, long windowMillis, long seed,
                     List<String> models)
            throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES);
        props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        SyntheticPredictions generator = new SyntheticPredictions(seed, events, windowMillis, models);
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long seq = 0; seq < events; seq++) {
                producer.send(new ProducerRecord<>(topic, (int) (seq % partitions), null, generator.event(seq)));
            }
            producer.flush();
        }
    }
}
