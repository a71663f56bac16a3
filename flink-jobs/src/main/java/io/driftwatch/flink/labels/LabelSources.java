package io.driftwatch.flink.labels;

import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.config.KafkaConfig;
import io.driftwatch.flink.config.WindowConfig;
import io.driftwatch.schemas.events.EventParser;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

/** The Kafka source of label records and its watermarks. */
public final class LabelSources {

    /** Suffix of the labels' consumer group, so labels and predictions commit offsets apart. */
    public static final String GROUP_SUFFIX = "-labels";

    private LabelSources() {}

    /** A builder for the configured labels topic, from committed offsets (earliest when none). */
    @SuppressWarnings("deprecation") // the only committed-offsets-with-fallback API takes OffsetResetStrategy
    public static KafkaSourceBuilder<LabelRecord> kafka(DriftwatchConfig config) {
        KafkaConfig kafka = config.kafka();
        KafkaSourceBuilder<LabelRecord> builder = KafkaSource.<LabelRecord>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(kafka.labelsTopic())
                .setGroupId(kafka.consumerGroup() + GROUP_SUFFIX)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(
                        org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
                .setDeserializer(new LabelDeserializer(new EventParser()));
        builder.setProperties(kafka.properties().toConsumerProperties());
        return builder;
    }

    /**
     * Bounded out-of-orderness and idleness as the predictions'; dead letters get {@link Long#MIN_VALUE} so they
     * never move the watermark.
     */
    public static WatermarkStrategy<LabelRecord> watermarks(WindowConfig windows) {
        WatermarkStrategy<LabelRecord> strategy = WatermarkStrategy
                .<LabelRecord>forBoundedOutOfOrderness(windows.outOfOrderness())
                .withTimestampAssigner((label, ts) -> label.isValid() ? label.eventTimeMillis : Long.MIN_VALUE);
        Duration idleness = windows.idleness();
        return idleness.isZero() ? strategy : strategy.withIdleness(idleness);
    }
}
