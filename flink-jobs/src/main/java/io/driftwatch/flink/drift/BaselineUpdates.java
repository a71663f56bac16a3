package io.driftwatch.flink.drift;

import java.io.IOException;
import org.apache.flink.api.common.serialization.AbstractDeserializationSchema;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

/**
 * The baseline-update topic: {@link BaselineUpdate} JSON records, read from the earliest offset so every
 * task learns every baseline (the latest update per model version wins in broadcast state).
 */
public final class BaselineUpdates {

    /** Topic the {@code baseline} command publishes updates to. */
    public static final String DEFAULT_TOPIC = "driftwatch.baselines";

    private BaselineUpdates() {}

    public static KafkaSource<BaselineUpdate> kafka(String bootstrapServers, String topic, String groupId) {
        return KafkaSource.<BaselineUpdate>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setValueOnlyDeserializer(new AbstractDeserializationSchema<>() {
                    @Override
                    public BaselineUpdate deserialize(byte[] message) throws IOException {
                        return BaselineUpdate.fromJson(message);
                    }
                })
                .build();
    }
}
