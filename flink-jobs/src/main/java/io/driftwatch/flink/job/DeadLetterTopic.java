package io.driftwatch.flink.job;

import io.driftwatch.flink.config.KafkaConfig;
import io.driftwatch.flink.source.DeadLetterRecord;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * The dead-letter topic sink: each record as {@code DeadLetter.toJson()}, keyed by
 * {@code topic/partition/offset} of the rejected record so a compacted topic keeps one copy per record.
 * At-least-once: a replay may write a dead letter twice (the ClickHouse table deduplicates).
 */
public final class DeadLetterTopic {

    private DeadLetterTopic() {}

    public static KafkaSink<DeadLetterRecord> sink(KafkaConfig kafka) {
        return KafkaSink.<DeadLetterRecord>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setKafkaProducerConfig(kafka.properties().toProperties())
                .setRecordSerializer(KafkaRecordSerializationSchema.<DeadLetterRecord>builder()
                        .setTopic(kafka.deadLetterTopic())
                        .setKeySerializationSchema(new Coordinates())
                        .setValueSerializationSchema(new Json())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    /** The dead letter's JSON ({@code DeadLetter.toJson()}). */
    static final class Json implements SerializationSchema<DeadLetterRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(DeadLetterRecord r) {
            return r.toDeadLetter().toJson();
        }
    }

    /** {@code topic/partition/offset} of the rejected record. */
    static final class Coordinates implements SerializationSchema<DeadLetterRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(DeadLetterRecord r) {
            return (r.sourceTopic + "/" + r.sourcePartition + "/" + r.sourceOffset).getBytes(StandardCharsets.UTF_8);
        }
    }
}
