package io.driftwatch.schemas.events;

import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the fields of one prediction object (the reader is positioned on its START_OBJECT). */
final class PredictionReader {

    private static final String FEATURES_PREFIX = "features.";

    private final TokenReader in;
    private final ParserLimits limits;
    private final EventFields seen = new EventFields();

    private int schemaVersion;
    private String predictionId;
    private String modelId;
    private String modelVersion;
    private long eventTimeMillis;
    private Map<String, FeatureValue> features;
    private ModelOutput output;
    private String outputField;
    private String predictedClass;
    private Double latencyMs;
    private Map<String, String> segment = Map.of();
    private Map<String, String> tags = Map.of();
    private Map<String, String> extraFields = Map.of();

    private PredictionReader(TokenReader in, ParserLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    static PredictionEvent read(TokenReader in, ParserLimits limits) throws IOException {
        return new PredictionReader(in, limits).read();
    }

    private PredictionEvent read() throws IOException {
        for (String name = in.nextFieldName(); name != null; name = in.nextFieldName()) {
            readField(name);
        }
        seen.requireAll(EventFields.PREDICTION_REQUIRED);
        if (output == null) {
            throw new EventFormatException(ParseFailureReason.MISSING_OUTPUT,
                    "exactly one of 'score', 'scores' or 'value' is required; none was sent");
        }
        return new PredictionEvent(schemaVersion, predictionId, modelId, modelVersion, eventTimeMillis, features,
                output, predictedClass, latencyMs, segment, tags, extraFields);
    }

    private void readField(String name) throws IOException {
        EventFields.Field field = EventFields.Field.byName(name);
        if (field == null || !EventFields.PREDICTION_FIELDS.contains(field)) {
            // Label-only names (an inline "label") are kept like any unknown field.
            if (extraFields.isEmpty()) {
                extraFields = new LinkedHashMap<>();
            }
            TokenReader.putUnique(extraFields, name, in.readRaw(name), name);
            return;
        }
        seen.mark(field);
        switch (field) {
            case SCHEMA_VERSION -> schemaVersion = EventFields.readSchemaVersion(in);
            case PREDICTION_ID -> predictionId = in.readIdentifier(name);
            case MODEL_ID -> modelId = in.readIdentifier(name);
            case MODEL_VERSION -> modelVersion = in.readIdentifier(name);
            case TIMESTAMP -> eventTimeMillis = in.readTimestamp(name);
            case FEATURES -> features = readFeatures();
            case SCORE -> setOutput(name, new ModelOutput.BinaryScore(probability(name)));
            case SCORES -> setOutput(name, readScores());
            case VALUE -> setOutput(name, new ModelOutput.RegressionValue(in.readNumber(name)));
            case PREDICTED_CLASS -> predictedClass = in.currentToken() == JsonToken.VALUE_NULL ? null : in.readString(name);
            case LATENCY_MS -> latencyMs = in.currentToken() == JsonToken.VALUE_NULL ? null : latency();
            case SEGMENT -> segment = in.readStringMap(name);
            case TAGS -> tags = in.readStringMap(name);
            default -> throw in.wrongType(name, "absent from a prediction");
        }
    }

    private void setOutput(String field, ModelOutput value) {
        if (output != null) {
            throw new EventFormatException(ParseFailureReason.AMBIGUOUS_OUTPUT,
                    "both '" + outputField + "' and '" + field + "' sent; exactly one of 'score', 'scores' or 'value' is allowed");
        }
        output = value;
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

    /** The field path of a feature ({@code features.<name>}) is only built for an error message. */
    private Map<String, FeatureValue> readFeatures() throws IOException {
        in.expectObject("features");
        Map<String, FeatureValue> values = new LinkedHashMap<>();
        for (String name = in.nextFieldName(); name != null; name = in.nextFieldName()) {
            if (values.putIfAbsent(name, featureValue(name)) != null) {
                throw TokenReader.duplicate(FEATURES_PREFIX + name);
            }
        }
        return values;
    }

    private FeatureValue featureValue(String name) throws IOException {
        switch (in.currentToken()) {
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return FeatureValue.of(in.readFiniteNumber(FEATURES_PREFIX, name));
            case VALUE_STRING:
                return FeatureValue.of(in.readText(FEATURES_PREFIX, name));
            case VALUE_TRUE:
                return FeatureValue.of(true);
            case VALUE_FALSE:
                return FeatureValue.of(false);
            case VALUE_NULL:
                return FeatureValue.Null.INSTANCE;
            default:
                throw in.wrongType(FEATURES_PREFIX + name, "a number, string, boolean or null");
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
