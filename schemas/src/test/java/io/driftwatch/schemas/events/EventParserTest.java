package io.driftwatch.schemas.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventParserTest {

    private final EventParser parser = new EventParser();

    private static byte[] example(String path) throws IOException {
        try (InputStream in = EventParserTest.class.getResourceAsStream(Example.ROOT + path)) {
            return in.readAllBytes();
        }
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private ParseFailureReason reasonOf(String json) {
        ParseResult<PredictionEvent> result = parser.parsePrediction(utf8(json));
        assertThat(result.isOk()).as("%s", result).isFalse();
        return result.failure().reason();
    }

    private static String prediction(String output) {
        return "{\"schema_version\":1,\"prediction_id\":\"p\",\"model_id\":\"m\",\"model_version\":\"v\","
                + "\"timestamp\":0,\"features\":{}," + output + "}";
    }

    @Test
    void readsEveryFieldOfABinaryPrediction() throws IOException {
        PredictionEvent e = parser.parsePrediction(example("prediction/valid-binary.json")).event();
        assertThat(e.schemaVersion()).isEqualTo(1);
        assertThat(e.predictionId()).isEqualTo("p-000123");
        assertThat(e.modelId()).isEqualTo("fraud");
        assertThat(e.modelVersion()).isEqualTo("2026.11.1");
        assertThat(e.eventTimeMillis()).isEqualTo(OffsetDateTime.parse("2026-11-24T21:10:34.123Z").toInstant().toEpochMilli());
        assertThat(e.features()).containsExactly(
                Map.entry("amount", new FeatureValue.Num(129.95)),
                Map.entry("country", new FeatureValue.Str("DE")),
                Map.entry("is_new_customer", FeatureValue.of(true)),
                Map.entry("account_age_days", new FeatureValue.Num(412)),
                Map.entry("referrer", FeatureValue.Null.INSTANCE));
        assertThat(e.output()).isEqualTo(new ModelOutput.BinaryScore(0.87));
        assertThat(e.predictedClass()).isEqualTo("fraud");
        assertThat(e.latencyMs()).isEqualTo(3.2);
        assertThat(e.segment()).containsExactly(Map.entry("country", "DE"), Map.entry("channel", "web"));
        assertThat(e.tags()).containsExactly(Map.entry("region", "eu-west-1"));
        assertThat(e.extraFields()).isEmpty();
        assertThatThrownBy(() -> e.features().put("x", FeatureValue.Null.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void readsMulticlassScoresAndOffsetTimestamps() throws IOException {
        PredictionEvent e = parser.parsePrediction(example("prediction/valid-multiclass.json")).event();
        assertThat(e.output()).isInstanceOfSatisfying(ModelOutput.ClassScores.class, s ->
                assertThat(s.scores()).containsExactly(Map.entry("cat", 0.7), Map.entry("dog", 0.2), Map.entry("bird", 0.1)));
        // sub-millisecond digits are truncated, offset applied
        assertThat(e.eventTimeMillis()).isEqualTo(OffsetDateTime.parse("2026-11-24T21:10:34.123Z").toInstant().toEpochMilli());
    }

    @Test
    void readsRegressionAndEpochMillis() throws IOException {
        PredictionEvent e = parser.parsePrediction(example("prediction/valid-regression_epoch_millis.json")).event();
        assertThat(e.output()).isEqualTo(new ModelOutput.RegressionValue(-12.5));
        assertThat(e.eventTimeMillis()).isEqualTo(1_795_554_634_123L);
        assertThat(e.predictedClass()).isNull();
    }

    @Test
    void optionalFieldsMayBeNullOrAbsent() throws IOException {
        PredictionEvent e = parser.parsePrediction(example("prediction/valid-nulls_and_nan_string.json")).event();
        assertThat(e.predictedClass()).isNull();
        assertThat(e.latencyMs()).isNull();
        assertThat(e.segment()).isEmpty();
        assertThat(e.tags()).isEmpty();
        assertThat(e.features().get("y")).isEqualTo(new FeatureValue.Str("NaN"));
        assertThat(e.features().get("z")).isEqualTo(new FeatureValue.Str("Infinity"));
        assertThat(e.features().get("flag")).isSameAs(FeatureValue.of(false));
        assertThat(e.features().get("x")).isSameAs(FeatureValue.Null.INSTANCE);
        PredictionEvent minimal = parser.parsePrediction(example("prediction/valid-minimal.json")).event();
        assertThat(minimal.latencyMs()).isNull();
        assertThat(minimal.features()).isEmpty();
    }

    @Test
    void keepsUnknownFieldsAsRawJson() throws IOException {
        PredictionEvent e = parser.parsePrediction(example("prediction/valid-unknown_fields_kept.json")).event();
        assertThat(e.extraFields()).containsExactly(
                Map.entry("request", "{\"headers\":{\"ua\":\"curl\"},\"ids\":[1,2,3]}"),
                Map.entry("trace_id", "\"abc\""),
                Map.entry("sampled", "true"));
    }

    @Test
    void keepsAnInlineLabelOfAPredictionAsAnUnknownField() {
        PredictionEvent e = parser.parsePrediction(utf8(prediction("\"value\":1,\"label\":{\"y\":0}"))).event();
        assertThat(e.extraFields()).containsExactly(Map.entry("label", "{\"y\":0}"));
        assertThat(reasonOf(prediction("\"value\":1,\"label\":1,\"label\":2"))).isEqualTo(ParseFailureReason.DUPLICATE_FIELD);
    }

    @Test
    void keepsExactNumbersInUnknownFields() {
        PredictionEvent e = parser.parsePrediction(utf8(prediction("\"value\":1,\"x\":0.1000000000000000055511151231257827"))).event();
        assertThat(e.extraFields()).containsEntry("x", "0.1000000000000000055511151231257827");
    }

    @Test
    void integralFloatsAreIntegersLikeInJsonSchema() {
        ParseResult<PredictionEvent> r = parser.parsePrediction(utf8(prediction("\"value\":1").replace("\"schema_version\":1", "\"schema_version\":1.0")));
        assertThat(r.event().schemaVersion()).isEqualTo(1);
        assertThat(reasonOf(prediction("\"value\":1").replace("\"schema_version\":1", "\"schema_version\":1.5")))
                .isEqualTo(ParseFailureReason.WRONG_TYPE);
        assertThat(reasonOf(prediction("\"value\":1").replace("\"schema_version\":1", "\"schema_version\":123456789012345678901234567890")))
                .isEqualTo(ParseFailureReason.WRONG_TYPE);
    }

    @Test
    void scoresMustSumToOneWithinTheTolerance() {
        double halfTolerance = ParserLimits.DEFAULT_SCORES_SUM_TOLERANCE / 2;
        double twiceTolerance = ParserLimits.DEFAULT_SCORES_SUM_TOLERANCE * 2;
        assertThat(parser.parsePrediction(utf8(prediction("\"scores\":{\"a\":0.5,\"b\":" + (0.5 - halfTolerance) + "}"))).isOk()).isTrue();
        assertThat(reasonOf(prediction("\"scores\":{\"a\":0.5,\"b\":" + (0.5 - twiceTolerance) + "}")))
                .isEqualTo(ParseFailureReason.SCORES_NOT_NORMALIZED);
        assertThat(reasonOf(prediction("\"scores\":{}"))).isEqualTo(ParseFailureReason.SCORES_NOT_NORMALIZED);
        assertThat(reasonOf(prediction("\"scores\":{\"a\":1,\"a\":0}"))).isEqualTo(ParseFailureReason.DUPLICATE_FIELD);
    }

    @Test
    void scoreBoundsAreInclusive() {
        assertThat(parser.parsePrediction(utf8(prediction("\"score\":0"))).isOk()).isTrue();
        assertThat(parser.parsePrediction(utf8(prediction("\"score\":1"))).isOk()).isTrue();
        assertThat(reasonOf(prediction("\"score\":-0.000001"))).isEqualTo(ParseFailureReason.SCORE_OUT_OF_RANGE);
        assertThat(reasonOf(prediction("\"score\":1.000001"))).isEqualTo(ParseFailureReason.SCORE_OUT_OF_RANGE);
    }

    @Test
    void reportsEveryMissingRequiredField() {
        ParseFailure failure = parser.parsePrediction(utf8("{\"value\":1}")).failure();
        assertThat(failure.reason()).isEqualTo(ParseFailureReason.MISSING_FIELD);
        assertThat(failure.detail()).contains("schema_version", "prediction_id", "model_id", "model_version",
                "timestamp", "features");
    }

    @Test
    void rejectsOversizedPayloadsWithoutParsing() {
        byte[] big = new byte[ParserLimits.DEFAULT_MAX_PAYLOAD_BYTES + 1];
        Arrays.fill(big, (byte) ' ');
        ParseResult<PredictionEvent> r = parser.parsePrediction(big);
        assertThat(r.failure().reason()).isEqualTo(ParseFailureReason.PAYLOAD_TOO_LARGE);
        assertThat(r.failure().detail()).contains(String.valueOf(ParserLimits.DEFAULT_MAX_PAYLOAD_BYTES));
        assertThat(parser.parseLabel(big).failure().reason()).isEqualTo(ParseFailureReason.PAYLOAD_TOO_LARGE);
    }

    @Test
    void customLimitsApply() {
        EventParser strict = new EventParser(new ParserLimits(100, 2, 3, 0.0));
        assertThat(strict.parsePrediction(utf8(prediction("\"value\":1"))).failure().reason())
                .isEqualTo(ParseFailureReason.PAYLOAD_TOO_LARGE);
        assertThat(strict.parseLabel(utf8("{\"a\":{\"b\":[]}}")).failure().reason())
                .isEqualTo(ParseFailureReason.TOO_DEEPLY_NESTED);
        assertThat(strict.parseLabel(utf8("{\"abcd\":1}")).failure().reason())
                .isEqualTo(ParseFailureReason.STRING_TOO_LONG);
        assertThat(strict.parseLabel(utf8("{\"a\":\"abcd\"}")).failure().reason())
                .isEqualTo(ParseFailureReason.STRING_TOO_LONG);
        assertThatThrownBy(() -> new ParserLimits(0, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPayloadBytes");
    }

    @Test
    void degenerateInputsFailWithAReason() {
        assertThat(parser.parsePrediction(null).failure().reason()).isEqualTo(ParseFailureReason.INVALID_JSON);
        assertThat(parser.parsePrediction(new byte[0]).failure().reason()).isEqualTo(ParseFailureReason.INVALID_JSON);
        assertThat(parser.parsePrediction(utf8("   ")).failure().reason()).isEqualTo(ParseFailureReason.INVALID_JSON);
        assertThat(parser.parsePrediction(utf8("null")).failure().reason()).isEqualTo(ParseFailureReason.NOT_AN_OBJECT);
        assertThat(parser.parsePrediction(utf8("42")).failure().reason()).isEqualTo(ParseFailureReason.NOT_AN_OBJECT);
        assertThat(parser.parsePrediction(utf8(prediction("\"value\":1") + " {}")).failure().reason())
                .isEqualTo(ParseFailureReason.INVALID_JSON);
        byte[] badUtf8 = utf8(prediction("\"value\":1,\"x\":\"__\""));
        int at = new String(badUtf8, StandardCharsets.UTF_8).indexOf("__");
        badUtf8[at] = (byte) 0xC3;
        badUtf8[at + 1] = (byte) 0x28;
        assertThat(parser.parsePrediction(badUtf8).failure().reason()).isEqualTo(ParseFailureReason.INVALID_JSON);
    }

    @Test
    void errorsNameTheField() {
        ParseFailure failure = parser.parsePrediction(utf8(prediction("\"value\":1").replace("\"features\":{}",
                "\"features\":{\"age\":[1]}"))).failure();
        assertThat(failure.reason()).isEqualTo(ParseFailureReason.WRONG_TYPE);
        assertThat(failure.detail()).contains("features.age").contains("an array");
    }

    @Test
    void detailsStayShortForHostileNames() {
        String longName = "n".repeat(ParserLimits.DEFAULT_MAX_STRING_LENGTH);
        ParseFailure failure = parser.parsePrediction(utf8(prediction("\"value\":1").replace("\"features\":{}",
                "\"features\":{\"" + longName + "\":[1]}"))).failure();
        assertThat(failure.detail().length()).isLessThanOrEqualTo(ParseFailure.MAX_DETAIL_LENGTH);
    }

    @Test
    void parsesLabels() throws IOException {
        LabelEvent binary = parser.parseLabel(example("label/valid-binary.json")).event();
        assertThat(binary.label()).isEqualTo(new LabelValue.Numeric(1));
        assertThat(((LabelValue.Numeric) binary.label()).isBinary()).isTrue();
        assertThat(binary.eventTimeMillis()).isEqualTo(OffsetDateTime.parse("2026-11-25T09:00:00Z").toInstant().toEpochMilli());
        LabelEvent named = parser.parseLabel(example("label/valid-class_name.json")).event();
        assertThat(named.label()).isEqualTo(new LabelValue.ClassName("cat"));
        LabelEvent regression = parser.parseLabel(example("label/valid-regression_epoch_millis.json")).event();
        assertThat(((LabelValue.Numeric) regression.label()).isBinary()).isFalse();
        assertThat(regression.extraFields()).containsExactly(Map.entry("model_version", "\"7\""), Map.entry("source", "\"crm\""));
    }

    @Test
    void parserIsSerializableAndWorksAfterwards() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(parser);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            EventParser copy = (EventParser) in.readObject();
            assertThat(copy.limits()).isEqualTo(parser.limits());
            assertThat(copy.parsePrediction(utf8(prediction("\"value\":1"))).isOk()).isTrue();
        }
    }

    @Test
    void resultAccessorsRefuseTheWrongSide() {
        ParseResult<PredictionEvent> failed = parser.parsePrediction(utf8("[]"));
        assertThatThrownBy(failed::event).isInstanceOf(IllegalStateException.class).hasMessageContaining("not_an_object".toUpperCase());
        ParseResult<PredictionEvent> ok = parser.parsePrediction(utf8(prediction("\"value\":1")));
        assertThatThrownBy(ok::failure).isInstanceOf(IllegalStateException.class);
        assertThat(List.of(ParseFailureReason.values())).extracting(ParseFailureReason::id)
                .allMatch(id -> id.matches("[a-z]+(_[a-z]+)*")).doesNotHaveDuplicates();
        for (ParseFailureReason reason : ParseFailureReason.values()) {
            assertThat(ParseFailureReason.fromId(reason.id())).isSameAs(reason);
        }
        assertThatThrownBy(() -> ParseFailureReason.fromId("nope")).hasMessageContaining("invalid_json");
    }
}
