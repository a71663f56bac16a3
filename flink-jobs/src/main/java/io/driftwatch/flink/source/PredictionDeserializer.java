package io.driftwatch.flink.source;

import io.driftwatch.flink.telemetry.PipelineMetrics;
import io.driftwatch.schemas.events.DeadLetter;
import io.driftwatch.schemas.events.EventParser;
import io.driftwatch.schemas.events.ParseFailure;
import io.driftwatch.schemas.events.ParseFailureReason;
import io.driftwatch.schemas.events.PredictionFields;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Parses prediction records inside the Kafka source, so the source's per-partition watermarks use the
 * event time of the parsed event ({@link EventTimes}). Every record becomes one {@link SourceEvent}: a valid
 * {@link Observation}, or a {@link DeadLetterRecord} keeping the bytes, topic, partition, offset and reason.
 * Counts {@value PipelineMetrics#EVENTS_IN}, and {@value PipelineMetrics#PARSE_ERRORS} per reason.
 */
public final class PredictionDeserializer implements KafkaRecordDeserializationSchema<SourceEvent> {

    private static final long serialVersionUID = 1L;
    private final EventParser parser;
    private final ObservationMapper mapper;
    private final EventTimeGuard eventTimes;
    /** Reused for every record of this subtask (the parse's flat output, with its cache of repeating texts). */
    private transient PredictionFields fields;
    private transient Counter eventsIn;
    private transient Map<ParseFailureReason, Counter> parseErrors;

    public PredictionDeserializer(EventParser parser, ObservationMapper mapper, EventTimeGuard eventTimes) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.eventTimes = Objects.requireNonNull(eventTimes, "eventTimes");
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        MetricGroup group = context.getMetricGroup().addGroup(PipelineMetrics.GROUP);
        eventsIn = group.counter(PipelineMetrics.EVENTS_IN);
        mapper.open(group);
        parseErrors = new EnumMap<>(ParseFailureReason.class);
        for (ParseFailureReason reason : ParseFailureReason.values()) {
            parseErrors.put(reason, group.addGroup(PipelineMetrics.REASON_TAG, reason.id())
                    .counter(PipelineMetrics.PARSE_ERRORS));
        }
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<SourceEvent> out) {
        out.collect(toSourceEvent(record, System.currentTimeMillis()));
    }

    /** The {@link SourceEvent} of one record; {@code ingestTimeMillis} stamps dead letters. */
    SourceEvent toSourceEvent(ConsumerRecord<byte[], byte[]> record, long ingestTimeMillis) {
        if (eventsIn != null) {
            eventsIn.inc();
        }
        if (fields == null) {
            fields = new PredictionFields();
        }
        Optional<ParseFailure> invalid = parser.parsePrediction(record.value(), fields);
        ParseFailure failure = invalid.isPresent() ? invalid.get()
                : eventTimes.check(fields.eventTimeMillis(), record.timestamp()).orElse(null);
        if (failure == null) {
            return SourceEvent.valid(mapper.map(fields));
        }
        if (parseErrors != null) {
            parseErrors.get(failure.reason()).inc();
        }
        DeadLetter letter = DeadLetter.of(record.value(), failure, record.topic(), record.partition(),
                record.offset(), ingestTimeMillis);
        return SourceEvent.rejected(DeadLetterRecord.of(letter, record.timestamp()));
    }

    ObservationMapper mapper() {
        return mapper;
    }

    @Override
    public TypeInformation<SourceEvent> getProducedType() {
        return TypeInformation.of(SourceEvent.class);
    }
}
