package io.driftwatch.flink.labels;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.schemas.events.EventParser;
import io.driftwatch.schemas.events.ParseFailureReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Label records become valid labels with their coordinates, or dead letters with the parser's reason. */
class LabelDeserializerTest {

    private final LabelDeserializer deserializer = new LabelDeserializer(new EventParser());

    private static ConsumerRecord<byte[], byte[]> record(String value) {
        return new ConsumerRecord<>("labels", 1, 7L, null, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNumericAndAClassLabelParseWithTheirCoordinates() {
        String json = "{\"schema_version\":1,\"prediction_id\":\"p-1\",\"model_id\":\"fraud\","
                + "\"timestamp\":\"2026-03-01T10:00:00Z\",\"label\":1}";
        LabelRecord label = deserializer.toLabelRecord(record(json), 5L);
        assertThat(label.isValid()).isTrue();
        assertThat(label.joinKey()).isEqualTo(LabelJoin.joinKey("fraud", "p-1"));
        assertThat(label.eventTimeMillis).isEqualTo(Instant.parse("2026-03-01T10:00:00Z").toEpochMilli());
        assertThat(label.numeric).isEqualTo(1.0);
        assertThat(label.className).isNull();
        assertThat(label.sourceOffset).isEqualTo(7L);
        assertThat(label.sourcePartition).isEqualTo(1);
        assertThat(new String(label.payload, StandardCharsets.UTF_8)).isEqualTo(json);
        var rejected = label.toDeadLetter(ParseFailureReason.DUPLICATE_LABEL, "again", 9L);
        assertThat(rejected.toDeadLetter().reason()).isEqualTo(ParseFailureReason.DUPLICATE_LABEL);
        assertThat(rejected.payloadSize).isEqualTo(json.length());

        LabelRecord named = deserializer.toLabelRecord(record(json.replace("\"label\":1", "\"label\":\"cat\"")), 5L);
        assertThat(named.className).isEqualTo("cat");
        assertThat(named.numeric).isNaN();
    }

    @Test
    void aMalformedLabelIsADeadLetter() {
        LabelRecord label = deserializer.toLabelRecord(record("{\"schema_version\":1,"), 5L);
        assertThat(label.isValid()).isFalse();
        assertThat(label.deadLetter.reason).isEqualTo(ParseFailureReason.INVALID_JSON.id());
        assertThat(label.deadLetter.sourceTopic).isEqualTo("labels");
    }
}
