package io.driftwatch.app.demo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.driftwatch.schemas.events.FeatureValue;
import io.driftwatch.schemas.events.LabelValue;
import io.driftwatch.schemas.events.ModelOutput;
import io.driftwatch.schemas.events.PredictionEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * Writes prediction and label events as JSON per {@code prediction.schema.json} and {@code label.schema.json}.
 * Timestamps are ISO-8601 UTC with milliseconds; integral numbers are written without a fraction.
 */
final class EventJson {

    /** Largest integer a double holds exactly (2^53); integral values up to it are written as JSON integers. */
    private static final double MAX_EXACT_INTEGER = 9_007_199_254_740_992.0;
    private static final int LATENCY_DECIMALS = 2;

    private final JsonFactory factory = new JsonFactory();

    byte[] prediction(String predictionId, long eventTimeMillis, SimulatedPrediction prediction, double latencyMs) {
        return write(json -> {
            json.writeNumberField("schema_version", PredictionEvent.CURRENT_SCHEMA_VERSION);
            json.writeStringField("prediction_id", predictionId);
            json.writeStringField("model_id", prediction.model().modelId());
            json.writeStringField("model_version", prediction.model().modelVersion());
            json.writeStringField("timestamp", Instant.ofEpochMilli(eventTimeMillis).toString());
            json.writeObjectFieldStart("features");
            for (Map.Entry<String, FeatureValue> feature : prediction.features().entrySet()) {
                json.writeFieldName(feature.getKey());
                writeFeature(json, feature.getValue());
            }
            json.writeEndObject();
            writeOutput(json, prediction.output());
            json.writeNumberField("latency_ms", RandomDraws.round(latencyMs, LATENCY_DECIMALS));
            json.writeObjectFieldStart("segment");
            for (Map.Entry<String, String> segment : prediction.segment().entrySet()) {
                json.writeStringField(segment.getKey(), segment.getValue());
            }
            json.writeEndObject();
        });
    }

    byte[] label(String predictionId, DemoModel model, long labelTimeMillis, LabelValue label) {
        return write(json -> {
            json.writeNumberField("schema_version", PredictionEvent.CURRENT_SCHEMA_VERSION);
            json.writeStringField("prediction_id", predictionId);
            json.writeStringField("model_id", model.modelId());
            json.writeStringField("timestamp", Instant.ofEpochMilli(labelTimeMillis).toString());
            json.writeFieldName("label");
            if (label instanceof LabelValue.Numeric numeric) {
                writeNumber(json, numeric.value());
            } else {
                json.writeString(((LabelValue.ClassName) label).name());
            }
        });
    }

    private static void writeFeature(JsonGenerator json, FeatureValue value) throws IOException {
        if (value instanceof FeatureValue.Num num) {
            writeNumber(json, num.value());
        } else if (value instanceof FeatureValue.Str str) {
            json.writeString(str.value());
        } else if (value instanceof FeatureValue.Bool bool) {
            json.writeBoolean(bool.value());
        } else {
            json.writeNull();
        }
    }

    private static void writeOutput(JsonGenerator json, ModelOutput output) throws IOException {
        if (output instanceof ModelOutput.BinaryScore score) {
            json.writeNumberField("score", score.score());
        } else if (output instanceof ModelOutput.RegressionValue value) {
            json.writeNumberField("value", value.value());
        } else {
            json.writeObjectFieldStart("scores");
            for (Map.Entry<String, Double> entry : ((ModelOutput.ClassScores) output).scores().entrySet()) {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
        }
    }

    private static void writeNumber(JsonGenerator json, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) <= MAX_EXACT_INTEGER) {
            json.writeNumber((long) value);
        } else {
            json.writeNumber(value);
        }
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an event to memory", e);
        }
        return out.toByteArray();
    }
}
