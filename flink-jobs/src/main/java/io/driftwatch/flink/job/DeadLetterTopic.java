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
        SerializationSchema<DeadLetterRecord> value = r -> r.toDeadLetter().toJson();
        SerializationSchema<DeadLetterRecord> key = r -> (r.sourceTopic + "/" + r.sourcePartition + "/" + r.sourceOffset)
                .getBytes(StandardCharsets.UTF_8);
        return KafkaSink.<DeadLetterRecord>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setKafkaProducerConfig(kafka.properties().toProperties())
                .setRecordSerializer(KafkaRecordSerializationSchema.<DeadLetterRecord>builder()
                        .setTopic(kafka.deadLetterTopic())
                        .setKeySerializationSchema(key)
                        .setValueSerializationSchema(value)
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
