package io.driftwatch.schemas.events;

import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the fields of one label object (the reader is positioned on its START_OBJECT). */
final class LabelReader {

    private static final String LABEL = EventFields.Field.LABEL.jsonName();

    private LabelReader() {}

    static LabelEvent read(TokenReader in) throws IOException {
        EventFields seen = new EventFields();
        int schemaVersion = 0;
        String predictionId = null;
        String modelId = null;
        long eventTimeMillis = 0;
        LabelValue label = null;
        Map<String, String> extraFields = Map.of();
        for (String name = in.nextFieldName(); name != null; name = in.nextFieldName()) {
            EventFields.Field field = EventFields.Field.byName(name);
            if (field == null || !EventFields.LABEL_REQUIRED.contains(field)) {
                // Prediction-only names (e.g. model_version) are kept like any unknown field.
                if (extraFields.isEmpty()) {
                    extraFields = new LinkedHashMap<>();
                }
                TokenReader.putUnique(extraFields, name, in.readRaw(name), name);
                continue;
            }
            seen.mark(field);
            switch (field) {
                case SCHEMA_VERSION -> schemaVersion = EventFields.readSchemaVersion(in);
                case PREDICTION_ID -> predictionId = in.readIdentifier(name);
                case MODEL_ID -> modelId = in.readIdentifier(name);
                case TIMESTAMP -> eventTimeMillis = in.readTimestamp(name);
                case LABEL -> label = readLabel(in);
                default -> throw in.wrongType(name, "absent from a label");
            }
        }
        seen.requireAll(EventFields.LABEL_REQUIRED);
        return new LabelEvent(schemaVersion, predictionId, modelId, eventTimeMillis, label, extraFields);
    }

    private static LabelValue readLabel(TokenReader in) throws IOException {
        JsonToken token = in.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return new LabelValue.ClassName(in.readString(LABEL));
        }
        if (token.isNumeric()) {
            return new LabelValue.Numeric(in.readNumber(LABEL));
        }
        throw in.wrongType(LABEL, "a number (0/1 or a regression target) or a class name string");
    }
}
