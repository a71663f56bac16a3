package io.driftwatch.app.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.IOException;
import java.util.Arrays;

/**
 * Breaks valid event payloads in the ways of {@link Malformation}, so the demo can show the dead-letter topic.
 * Deterministic: the same input and malformation give the same bytes.
 */
public final class MalformedEventInjector {

    private static final String NAN_TEXT = "NaN";
    /** Larger than {@link Double#MAX_VALUE} (about 1.8e308): parses to infinity. */
    private static final String OVERFLOWING_LITERAL = "1e999";
    private static final int WRONG_TYPE_MODEL_ID = 42;

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param valid a valid prediction or label payload (a JSON object) of {@code kind}
     * @throws IllegalArgumentException when {@code valid} is not a JSON object
     */
    public byte[] corrupt(byte[] valid, EventKind kind, Malformation malformation) {
        if (malformation == Malformation.TRUNCATED) {
            return Arrays.copyOf(valid, valid.length / 2);
        }
        ObjectNode event = parseObject(valid);
        switch (malformation) {
            case MISSING_FIELD -> event.remove("prediction_id");
            case WRONG_TYPE -> event.put("model_id", WRONG_TYPE_MODEL_ID);
            case NAN_STRING -> event.put(kind == EventKind.PREDICTION ? "latency_ms" : "timestamp", NAN_TEXT);
            case OVERFLOWING_NUMBER -> event.putRawValue(kind == EventKind.PREDICTION ? "latency_ms" : "label",
                    new RawValue(OVERFLOWING_LITERAL));
            default -> throw new IllegalStateException("unhandled malformation " + malformation);
        }
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    private ObjectNode parseObject(byte[] valid) {
        JsonNode node;
        try {
            node = mapper.readTree(valid);
        } catch (IOException e) {
            throw new IllegalArgumentException("event to corrupt is not valid JSON: " + e.getMessage(), e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("event to corrupt must be a JSON object");
        }
        return object;
    }
}
