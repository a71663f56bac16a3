package io.driftwatch.flink.labels;

import io.driftwatch.flink.source.DeadLetterRecord;
import io.driftwatch.flink.telemetry.PipelineMetrics;
import io.driftwatch.schemas.events.DeadLetter;
import io.driftwatch.schemas.events.EventParser;
import io.driftwatch.schemas.events.LabelEvent;
import io.driftwatch.schemas.events.ParseResult;
import java.util.Objects;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Parses label records inside the Kafka source (so watermarks follow the labels' event time): each record becomes
 * one {@link LabelRecord}, valid or carrying a {@link DeadLetterRecord}. Counts {@value PipelineMetrics#LABELS_IN}.
 */
public final class LabelDeserializer implements KafkaRecordDeserializationSchema<LabelRecord> {

    private static final long serialVersionUID = 1L;
    private final EventParser parser;
    private transient Counter labelsIn;

    public LabelDeserializer(EventParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        labelsIn = context.getMetricGroup().addGroup(PipelineMetrics.GROUP).counter(PipelineMetrics.LABELS_IN);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<LabelRecord> out) {
        out.collect(toLabelRecord(record, System.currentTimeMillis()));
    }

    LabelRecord toLabelRecord(ConsumerRecord<byte[], byte[]> record, long ingestTimeMillis) {
        if (labelsIn != null) {
            labelsIn.inc();
        }
        ParseResult<LabelEvent> parsed = parser.parseLabel(record.value());
        if (parsed.isOk()) {
            // coordinates and payload are kept in case the join rejects the label
            return LabelRecord.of(parsed.event(), record.topic(), record.partition(), record.offset(),
                    record.timestamp(), record.value());
        }
        DeadLetter letter = DeadLetter.of(record.value(), parsed.failure(), record.topic(), record.partition(),
                record.offset(), ingestTimeMillis);
        return LabelRecord.rejected(DeadLetterRecord.of(letter, record.timestamp()));
    }

    @Override
    public TypeInformation<LabelRecord> getProducedType() {
        return TypeInformation.of(LabelRecord.class);
    }
}
