package io.driftwatch.schemas.events;

import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the fields of one prediction object (the reader is positioned on its START_OBJECT) into a
 * {@link PredictionFields}. Field paths for error messages ({@code features.<name>}) are only concatenated when
 * there is an error, never per value.
 */
final class PredictionReader {

    private static final String FEATURES_PREFIX = "features.";
    private static final String SEGMENT = EventFields.Field.SEGMENT.jsonName();
    private static final String SEGMENT_PREFIX = SEGMENT + ".";

    private final TokenReader in;
    private final ParserLimits limits;
    private final PredictionFields into;
    private final EventFields seen = new EventFields();
    private String outputField;

    private PredictionReader(TokenReader in, ParserLimits limits, PredictionFields into) {
        this.in = in;
        this.limits = limits;
        this.into = into;
    }

    /** Reads into {@code into} (cleared first); throws {@link EventFormatException} on the first problem. */
    static void read(TokenReader in, ParserLimits limits, PredictionFields into) throws IOException {
        into.clear();
        new PredictionReader(in, limits, into).read();
    }

    private void read() throws IOException {
        for (String name = in.nextFieldName(); name != null; name = in.nextFieldName()) {
            readField(name);
        }
        seen.requireAll(EventFields.PREDICTION_REQUIRED);
        if (into.output == null) {
            throw new EventFormatException(ParseFailureReason.MISSING_OUTPUT,
                    "exactly one of 'score', 'scores' or 'value' is required; none was sent");
        }
    }

    private void readField(String name) throws IOException {
        EventFields.Field field = EventFields.Field.byName(name);
        if (field == null || !EventFields.PREDICTION_FIELDS.contains(field)) {
            // Label-only names (an inline "label") are kept like any unknown field.
            if (into.extraFields.isEmpty()) {
                into.extraFields = new LinkedHashMap<>();
            }
            TokenReader.putUnique(into.extraFields, name, in.readRaw(name), name);
            return;
        }
        seen.mark(field);
        switch (field) {
            case SCHEMA_VERSION -> into.schemaVersion = EventFields.readSchemaVersion(in);
            case PREDICTION_ID -> into.predictionId = in.readIdentifier(name);
            case MODEL_ID -> into.modelId = in.readIdentifier(name);
            case MODEL_VERSION -> into.modelVersion = in.readIdentifier(name);
            case TIMESTAMP -> into.eventTimeMillis = in.readTimestamp(name);
            case FEATURES -> readFeatures();
            case SCORE -> setOutput(name, new ModelOutput.BinaryScore(probability(name)));
            case SCORES -> setOutput(name, readScores());
            case VALUE -> setOutput(name, new ModelOutput.RegressionValue(in.readNumber(name)));
            case PREDICTED_CLASS -> into.predictedClass =
                    in.currentToken() == JsonToken.VALUE_NULL ? null : in.readString(name);
            case LATENCY_MS -> into.latencyMs = in.currentToken() == JsonToken.VALUE_NULL ? Double.NaN : latency();
            case SEGMENT -> readSegment();
            case TAGS -> into.tags = in.readStringMap(name);
            default -> throw in.wrongType(name, "absent from a prediction");
        }
    }

    private void setOutput(String field, ModelOutput value) {
        if (into.output != null) {
            throw new EventFormatException(ParseFailureReason.AMBIGUOUS_OUTPUT,
                    "both '" + outputField + "' and '" + field + "' sent; exactly one of 'score', 'scores' or 'value' is allowed");
        }
        into.output = value;
        outputField = field;
    }

    private double latency() throws IOException {
        double value = in.readNumber(EventFields.Field.LATENCY_MS.jsonName());
        if (value < 0) {
            throw new EventFormatException(ParseFailureReason.NEGATIVE_LATENCY, "'latency_ms' must be >= 0, got " + value);
        }
        return value;
    }

    private double probability(String field) throws IOException {
        double value = in.readNumber(field);
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new EventFormatException(ParseFailureReason.SCORE_OUT_OF_RANGE,
                    "'" + Texts.clip(field) + "' must be a probability in [0, 1], got " + value);
        }
        return value;
    }

    private void readFeatures() throws IOException {
        in.expectObject("features");
        for (String name = in.nextFieldName(); name != null; name = in.nextFieldName()) {
            readFeature(name);
            if (!into.featureNamesSeen.add(name)) {
                throw TokenReader.duplicate(FEATURES_PREFIX + name);
            }
        }
    }

    /** One feature's value; a repeated name is reported after its value is read, as a map's insert would. */
    private void readFeature(String name) throws IOException {
        switch (in.currentToken()) {
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                into.addFeature(name, FeatureKind.NUMBER, in.readFiniteNumber(FEATURES_PREFIX, name), null);
                return;
            case VALUE_STRING:
                into.addFeature(name, FeatureKind.TEXT, 0.0, in.readText(FEATURES_PREFIX, name));
                return;
            case VALUE_TRUE:
                into.addFeature(name, FeatureKind.BOOLEAN, 1.0, null);
                return;
            case VALUE_FALSE:
                into.addFeature(name, FeatureKind.BOOLEAN, 0.0, null);
                return;
            case VALUE_NULL:
                into.addFeature(name, FeatureKind.NULL, 0.0, null);
                return;
            default:
                throw in.wrongType(FEATURES_PREFIX + name, "a number, string, boolean or null");
        }
    }

    /** An object of string values; JSON null reads as no segment. */
    private void readSegment() throws IOException {
        if (in.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        in.expectObject(SEGMENT);
        for (String key = in.nextFieldName(); key != null; key = in.nextFieldName()) {
            String value = in.readString(SEGMENT_PREFIX, key);
            if (!into.segmentKeysSeen.add(key)) {
                throw TokenReader.duplicate(SEGMENT_PREFIX + key);
            }
            into.addSegment(key, value);
        }
    }

    private ModelOutput readScores() throws IOException {
        in.expectObject("scores");
        Map<String, Double> scores = new LinkedHashMap<>();
        double sum = 0.0;
        for (String name = in.nextFieldName(); name != null; name = in.nextFieldName()) {
            String path = "scores." + name;
            double p = probability(path);
            TokenReader.putUnique(scores, name, p, path);
            sum += p;
        }
        if (!(Math.abs(sum - 1.0) <= limits.scoresSumTolerance())) {
            throw new EventFormatException(ParseFailureReason.SCORES_NOT_NORMALIZED,
                    "'scores' sum to " + sum + ", not 1 within " + limits.scoresSumTolerance());
        }
        return new ModelOutput.ClassScores(scores);
    }
}
