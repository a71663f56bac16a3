package io.driftwatch.schemas.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema files and {@link EventParser} agree on every example: valid examples pass both; invalid
 * examples fail the parser with the named reason and, when that reason is
 * {@link ParseFailureReason#checkedBySchema() checked by the schema}, fail the schema too.
 */
class SchemaAgreementTest {

    private static final String SCHEMAS = "/io/driftwatch/schemas/events/";

    /** A document with trailing content is not one JSON value; a strict reader rejects it. */
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final EventParser parser = new EventParser();

    static JsonSchema schema(String file) throws IOException {
        try (InputStream in = SchemaAgreementTest.class.getResourceAsStream(SCHEMAS + file)) {
            assertThat(in).as(file).isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    /** Schema errors, or a single pseudo-error when the bytes are not JSON the validator can read. */
    private Set<String> schemaErrors(JsonSchema schema, byte[] bytes) {
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (IOException e) {
            return Set.of("unreadable: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            return Set.of("empty document");
        }
        return schema.validate(node).stream().map(ValidationMessage::getMessage)
                .collect(java.util.stream.Collectors.toSet());
    }

    @TestFactory
    Stream<DynamicTest> schemaAndParserAgreeOnEveryExample() throws IOException {
        JsonSchema prediction = schema("prediction.schema.json");
        JsonSchema label = schema("label.schema.json");
        return Stream.of("prediction", "label")
                .flatMap(kind -> Example.all(kind).stream())
                .map(example -> DynamicTest.dynamicTest(example.toString(), () -> {
                    JsonSchema schema = example.kind().equals("prediction") ? prediction : label;
                    Set<String> errors = schemaErrors(schema, example.bytes());
                    ParseResult<?> parsed = example.parse(parser);
                    if (example.expectedValid()) {
                        assertThat(errors).as("schema errors for %s", example).isEmpty();
                        assertThat(parsed.isOk()).as("%s: %s", example, parsed).isTrue();
                    } else {
                        assertThat(parsed.isOk()).as("%s", example).isFalse();
                        if (example.expectedReason().checkedBySchema()) {
                            assertThat(errors).as("schema must reject %s", example).isNotEmpty();
                        }
                    }
                }));
    }

    @Test
    void labelSchemaTimestampIsACopyOfThePredictionOne() throws IOException {
        JsonNode prediction = mapper.readTree(getClass().getResourceAsStream(SCHEMAS + "prediction.schema.json"));
        JsonNode label = mapper.readTree(getClass().getResourceAsStream(SCHEMAS + "label.schema.json"));
        assertThat(label.at("/$defs/timestamp")).isEqualTo(prediction.at("/$defs/timestamp"));
        assertThat(label.at("/$defs/timestamp").isMissingNode()).isFalse();
    }

    @Test
    void deadLettersMatchTheirSchema() throws IOException {
        JsonSchema schema = schema("dead-letter.schema.json");
        ParseFailure failure = parser.parsePrediction("[1]".getBytes(java.nio.charset.StandardCharsets.UTF_8)).failure();
        DeadLetter letter = DeadLetter.of("[1]".getBytes(java.nio.charset.StandardCharsets.UTF_8), failure,
                "driftwatch.predictions", 3, 42L, 1_795_554_634_123L);
        assertThat(schema.validate(mapper.readTree(letter.toJson()))).isEmpty();
        assertThat(schema.validate(mapper.readTree("{\"reason\":\"x\"}"))).isNotEmpty();
    }

    @Test
    void schemaLimitsMatchParserDefaults() throws IOException {
        JsonNode prediction = mapper.readTree(getClass().getResourceAsStream(SCHEMAS + "prediction.schema.json"));
        assertThat(prediction.at("/$defs/identifier/maxLength").asInt()).isEqualTo(ParserLimits.DEFAULT_MAX_STRING_LENGTH);
        assertThat(prediction.at("/$defs/timestamp/oneOf/1/maximum").asLong()).isEqualTo(IsoTimestamps.MAX_EPOCH_MILLIS);
        assertThat(prediction.at("/properties/schema_version/const").asInt()).isEqualTo(PredictionEvent.CURRENT_SCHEMA_VERSION);
    }
}
