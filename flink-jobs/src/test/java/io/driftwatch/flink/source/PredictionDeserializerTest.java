package io.driftwatch.flink.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.flink.config.LimitsConfig;
import io.driftwatch.flink.config.SegmentConfig;
import io.driftwatch.schemas.events.DeadLetter;
import io.driftwatch.schemas.events.EventParser;
import io.driftwatch.schemas.events.ParseFailureReason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.flink.types.PojoTestUtils;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class PredictionDeserializerTest {

    private static final String VALID = "{\"schema_version\":1,\"prediction_id\":\"p1\",\"model_id\":\"fraud\","
            + "\"model_version\":\"v3\",\"timestamp\":\"2026-01-01T00:00:01.500Z\",\"features\":{\"amount\":12.5,"
            + "\"country\":\"DE\",\"vip\":true,\"missing\":null},\"score\":0.25,\"latency_ms\":3.5,"
            + "\"segment\":{\"channel\":\"web\",\"country\":\"DE\",\"device\":\"ios\"}}";

    private static PredictionDeserializer deserializer(List<String> keys) {
        SegmentConfig segments = new SegmentConfig(new SegmentConfig.ModelSegments(keys, 10), Map.of());
        return new PredictionDeserializer(new EventParser(), new ObservationMapper(segments, LimitsConfig.defaults()),
                EventTimeGuard.of(LimitsConfig.defaults()));
    }

    private static ConsumerRecord<byte[], byte[]> record(String value) {
        return new ConsumerRecord<>("preds", 3, 42L, null, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void validRecordBecomesAnObservationWithCanonicalSegment() {
        SourceEvent event = deserializer(List.of("country", "channel")).toSourceEvent(record(VALID), 1);
        assertThat(event.isValid()).isTrue();
        Observation o = event.observation;
        assertThat(o.windowKey()).isEqualTo(SegmentKeys.windowKey("fraud", "v3", "channel=web,country=DE"));
        assertThat(o.eventTimeMillis).isEqualTo(1767225601500L);
        assertThat(o.score).isEqualTo(0.25);
        assertThat(o.latencyMs).isEqualTo(3.5);
        assertThat(o.predictedClass).isEmpty();
        assertThat(o.featureNames).containsExactly("amount", "country", "vip", "missing");
        assertThat(o.featureKinds).containsExactly(FeatureKindCode.NUMBER, FeatureKindCode.TEXT,
                FeatureKindCode.BOOLEAN, FeatureKindCode.NULL);
        assertThat(o.numbers[0]).isEqualTo(12.5);
        assertThat(o.texts[1]).isEqualTo("DE");
        assertThat(o.texts[2]).isEqualTo("true");
        assertThat(EventTimes.timestamps().extractTimestamp(event, 0)).isEqualTo(o.eventTimeMillis);
    }

    @Test
    void repeatedSegmentsResolveOnceAndShareTheirStrings() {
        PredictionDeserializer deserializer = deserializer(List.of("country", "channel"));
        Observation first = deserializer.toSourceEvent(record(VALID), 1).observation;
        Observation second = deserializer.toSourceEvent(record(VALID.replace("\"p1\"", "\"p2\"")
                .replace("\"device\":\"ios\"", "\"device\":\"android\"")), 1).observation;
        Observation reordered = deserializer.toSourceEvent(record(VALID.replace(
                "{\"channel\":\"web\",\"country\":\"DE\"", "{\"country\":\"DE\",\"channel\":\"web\"")), 1).observation;
        assertThat(second.predictionId).isEqualTo("p2");
        assertThat(second.windowKey()).isSameAs(first.windowKey());
        assertThat(second.segment).isSameAs(first.segment).isEqualTo("channel=web,country=DE");
        assertThat(second.modelId).isSameAs(first.modelId);
        assertThat(second.texts[1]).isSameAs(first.texts[1]);
        // another device (not a configured key) is the same combination; another key order is another one
        assertThat(deserializer.mapper().memoizedSegments()).isEqualTo(2);
        assertThat(reordered.windowKey()).isEqualTo(first.windowKey());
        deserializer.toSourceEvent(record(VALID.replace("\"p1\"", "\"p3\"")), 1);
        assertThat(deserializer.mapper().memoizedSegments()).isEqualTo(2);
    }

    @Test
    void sameNamesShareOneArrayAndOtherNamesGetTheirOwn() {
        PredictionDeserializer deserializer = deserializer(List.of("country"));
        Observation first = deserializer.toSourceEvent(record(VALID), 1).observation;
        Observation second = deserializer.toSourceEvent(record(VALID.replace("\"p1\"", "\"p2\"")), 1).observation;
        Observation renamed = deserializer.toSourceEvent(record(VALID.replace("\"vip\"", "\"gold\"")), 1).observation;
        Observation fewer = deserializer.toSourceEvent(record(VALID.replace(",\"missing\":null", "")), 1).observation;
        Observation again = deserializer.toSourceEvent(record(VALID), 1).observation;
        assertThat(second.featureNames).isSameAs(first.featureNames);
        assertThat(renamed.featureNames).isNotSameAs(first.featureNames)
                .containsExactly("amount", "country", "gold", "missing");
        assertThat(fewer.featureNames).containsExactly("amount", "country", "vip");
        assertThat(again.featureNames).containsExactly("amount", "country", "vip", "missing");
        assertThat(first.featureNames).as("never written after it was handed out")
                .containsExactly("amount", "country", "vip", "missing");
    }

    @Test
    void classScoresWithoutAPredictedClassPredictTheTopClassFirstOnTies() {
        PredictionDeserializer deserializer = deserializer(List.of());
        String scores = VALID.replace("\"score\":0.25", "\"scores\":{\"low\":0.2,\"mid\":0.4,\"high\":0.4}");
        assertThat(deserializer.toSourceEvent(record(scores), 1).observation.predictedClass).isEqualTo("mid");
        String chosen = scores.replace("\"latency_ms\"", "\"predicted_class\":\"low\",\"latency_ms\"");
        assertThat(deserializer.toSourceEvent(record(chosen), 1).observation.predictedClass).isEqualTo("low");
        assertThat(deserializer.toSourceEvent(record(VALID), 1).observation.predictedClass).isEmpty();
    }

    @Test
    void noConfiguredKeysKeepsEveryKeyAndNoSegmentIsAllTraffic() {
        assertThat(SegmentKeys.canonical(Map.of("b", "2", "a", "1"), List.of())).isEqualTo("a=1,b=2");
        assertThat(SegmentKeys.canonical(Map.of(), List.of())).isEqualTo(SegmentKeys.ALL).isEmpty();
        assertThat(SegmentKeys.canonical(Map.of("device", "ios"), List.of("country"))).isEqualTo(SegmentKeys.ALL);
        assertThat(SegmentKeys.split(SegmentKeys.windowKey("m", "v", ""))).containsExactly("m", "v", "");
        assertThatThrownBy(() -> SegmentKeys.split("m")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidRecordBecomesADeadLetterWithItsCoordinatesAndNeverMovesTheWatermark() {
        SourceEvent event = deserializer(List.of()).toSourceEvent(record("{\"schema_version\":1,"), 77);
        assertThat(event.isValid()).isFalse();
        DeadLetter letter = event.deadLetter.toDeadLetter();
        assertThat(letter.reason()).isEqualTo(ParseFailureReason.INVALID_JSON);
        assertThat(letter.sourceTopic()).isEqualTo("preds");
        assertThat(letter.sourcePartition()).isEqualTo(3);
        assertThat(letter.sourceOffset()).isEqualTo(42);
        assertThat(letter.ingestTimeMillis()).isEqualTo(77);
        assertThat(new String(letter.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"schema_version\":1,");
        assertThat(EventTimes.timestamps().extractTimestamp(event, 5)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void streamTypesAreFlinkPojosWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(Observation.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(SourceEvent.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(DeadLetterRecord.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(io.driftwatch.flink.drift.BaselineUpdate.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(io.driftwatch.flink.rows.VolumeRow.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(io.driftwatch.flink.rows.FeatureDriftRow.class);
    }
}
