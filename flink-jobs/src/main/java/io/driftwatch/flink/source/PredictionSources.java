package io.driftwatch.flink.source;

import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.config.KafkaConfig;
import io.driftwatch.schemas.events.EventParser;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

/** The Kafka source of prediction records, parsing each record inside the source ({@link PredictionDeserializer}). */
public final class PredictionSources {

    private PredictionSources() {}

    /**
     * A builder for the configured predictions topic, brokers, group and client properties, starting from the
     * group's committed offsets (earliest when none); callers may change offsets or make it bounded.
     */
    // The connector's only committed-offsets-with-fallback API takes Kafka's deprecated OffsetResetStrategy.
    @SuppressWarnings("deprecation")
    public static KafkaSourceBuilder<SourceEvent> kafka(DriftwatchConfig config) {
        KafkaConfig kafka = config.kafka();
        KafkaSourceBuilder<SourceEvent> builder = KafkaSource.<SourceEvent>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(kafka.predictionsTopic())
                .setGroupId(kafka.consumerGroup())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(
                        org.apache.kafka.clients.consumer.OffsetResetStrategy.EARLIEST))
                .setDeserializer(new PredictionDeserializer(new EventParser(),
                        new ObservationMapper(config.segments(), config.limits()), EventTimeGuard.of(config.limits())));
        builder.setProperties(kafka.properties().toConsumerProperties());
        return builder;
    }
}
