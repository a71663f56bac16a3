package io.driftwatch.schemas.events;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The known top-level fields of prediction and label events, and which of them were seen. */
final class EventFields {

    enum Field {
        SCHEMA_VERSION("schema_version"),
        PREDICTION_ID("prediction_id"),
        MODEL_ID("model_id"),
        MODEL_VERSION("model_version"),
        TIMESTAMP("timestamp"),
        FEATURES("features"),
        SCORE("score"),
        SCORES("scores"),
        VALUE("value"),
        PREDICTED_CLASS("predicted_class"),
        LATENCY_MS("latency_ms"),
        SEGMENT("segment"),
        TAGS("tags"),
        LABEL("label");

        private static final Map<String, Field> BY_NAME =
                Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Field::jsonName, f -> f));

        private final String jsonName;

        Field(String jsonName) {
            this.jsonName = jsonName;
        }

        String jsonName() {
            return jsonName;
        }

        /** The field, or {@code null} for an unknown name. */
        static Field byName(String name) {
            return BY_NAME.get(name);
        }
    }

    static final Set<Field> PREDICTION_REQUIRED = Collections.unmodifiableSet(EnumSet.of(Field.SCHEMA_VERSION, Field.PREDICTION_ID, Field.MODEL_ID,
            Field.MODEL_VERSION, Field.TIMESTAMP, Field.FEATURES));
    static final Set<Field> PREDICTION_FIELDS = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(Field.LABEL)));
    static final Set<Field> LABEL_REQUIRED = Collections.unmodifiableSet(EnumSet.of(Field.SCHEMA_VERSION,
            Field.PREDICTION_ID, Field.MODEL_ID, Field.TIMESTAMP, Field.LABEL));

    private final EnumSet<Field> seen = EnumSet.noneOf(Field.class);

    /** Records a field; a second occurrence fails with {@code duplicate_field}. */
    void mark(Field field) {
        if (!seen.add(field)) {
            throw TokenReader.duplicate(field.jsonName());
        }
    }

    void requireAll(Set<Field> required) {
        if (seen.containsAll(required)) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (Field field : required) {
            if (!seen.contains(field)) {
                missing.add(field.jsonName());
            }
        }
        throw new EventFormatException(ParseFailureReason.MISSING_FIELD, "missing required field(s): " + String.join(", ", missing));
    }

    static int readSchemaVersion(TokenReader in) throws IOException {
        long version = in.readIntegral(Field.SCHEMA_VERSION.jsonName());
        if (version != PredictionEvent.CURRENT_SCHEMA_VERSION) {
            throw new EventFormatException(ParseFailureReason.UNSUPPORTED_SCHEMA_VERSION,
                    "schema_version " + version + " is not supported; this reader supports "
                            + PredictionEvent.CURRENT_SCHEMA_VERSION);
        }
        return (int) version;
    }
}
