package io.driftwatch.flink.drift;

import java.io.IOException;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.AbstractDeserializationSchema;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

/**
 * The baseline-update topic: {@link BaselineUpdate} JSON records, read from the earliest offset so every
 * task learns every baseline (the latest update per model version wins in broadcast state).
 */
public final class BaselineUpdates {

    /** Topic the {@code baseline} command publishes updates to. */
    public static final String DEFAULT_TOPIC = "driftwatch.baselines";

    private BaselineUpdates() {}

    /**
     * Watermarks for the update stream: always {@code Long.MAX_VALUE}. Updates have no event time, and the
     * window operator's watermark is the minimum of its inputs, so an update stream with no watermark of its
     * own (e.g. an idle topic) would keep every window from firing.
     */
    public static WatermarkStrategy<BaselineUpdate> neverHoldingBackWindows() {
        return WatermarkStrategy.forGenerator(context -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(BaselineUpdate event, long eventTimestamp, WatermarkOutput output) {
                output.emitWatermark(new Watermark(Long.MAX_VALUE));
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
                output.emitWatermark(new Watermark(Long.MAX_VALUE));
            }
        });
    }

    /** A builder reading {@code topic} from the earliest offset, unbounded unless the caller bounds it. */
    public static KafkaSourceBuilder<BaselineUpdate> kafka(String bootstrapServers, String topic, String groupId) {
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
                });
    }
}
