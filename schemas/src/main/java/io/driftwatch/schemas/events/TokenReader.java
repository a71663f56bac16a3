package io.driftwatch.schemas.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Streaming reads of typed values with the {@link ParserLimits} enforced; every problem becomes an
 * {@link EventFormatException} naming the field. One instance per payload.
 */
final class TokenReader {

    /** JSON integers up to 2^53 are exact as doubles; beyond that we refuse to call them integers. */
    private static final double MAX_EXACT_INTEGER = 0x1p53;

    private final JsonParser parser;
    private final JsonFactory factory;
    private final ParserLimits limits;
    private int depth;

    TokenReader(JsonParser parser, JsonFactory factory, ParserLimits limits) {
        this.parser = parser;
        this.factory = factory;
        this.limits = limits;
    }

    /** Next token, tracking depth; {@code null} only at the end of input. */
    JsonToken next() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            if (++depth > limits.maxDepth()) {
                throw new EventFormatException(ParseFailureReason.TOO_DEEPLY_NESTED,
                        "nesting deeper than " + limits.maxDepth() + " levels");
            }
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
            depth--;
        }
        return token;
    }

    /** Next field name of the current object, or {@code null} at its end. */
    String nextFieldName() throws IOException {
        JsonToken token = next();
        if (token == JsonToken.END_OBJECT) {
            return null;
        }
        String name = parser.currentName();
        checkLength(name, "field name");
        next();
        return name;
    }

    JsonToken currentToken() {
        return parser.currentToken();
    }

    void expectEndOfInput() throws IOException {
        if (parser.nextToken() != null) {
            throw new EventFormatException(ParseFailureReason.INVALID_JSON, "trailing content after the event object");
        }
    }

    String readString(String field) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw wrongType(field, "a string");
        }
        return text(field);
    }

    /**
     * The current string value (the caller checked the token is a string) of field {@code prefix + name}; the
     * path is only concatenated for an error message, not per value.
     */
    String readText(String prefix, String name) throws IOException {
        if (parser.getTextLength() > limits.maxStringLength()) {
            text(prefix + name);
        }
        return parser.getText();
    }

    /** A string field {@code prefix + name}; the path is only concatenated for an error message. */
    String readString(String prefix, String name) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw wrongType(prefix + name, "a string");
        }
        return readText(prefix, name);
    }

    /** The current number (the caller checked the token is numeric), finite; path built only on error. */
    double readFiniteNumber(String prefix, String name) throws IOException {
        double value = parser.getDoubleValue();
        return Double.isFinite(value) ? value : finite(prefix + name);
    }

    /** A non-empty string identifier. */
    String readIdentifier(String field) throws IOException {
        String value = readString(field);
        if (value.isEmpty()) {
            throw new EventFormatException(ParseFailureReason.EMPTY_IDENTIFIER, "'" + field + "' must not be empty");
        }
        return value;
    }

    /** A finite JSON number. */
    double readNumber(String field) throws IOException {
        if (!parser.currentToken().isNumeric()) {
            throw wrongType(field, "a number");
        }
        return finite(field);
    }

    /** A JSON number with an integral value (1 and 1.0 alike, as JSON Schema's "integer"). */
    long readIntegral(String field) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        if (token.isNumeric()) {
            double value = finite(field);
            if (value == Math.rint(value) && Math.abs(value) <= MAX_EXACT_INTEGER) {
                return (long) value;
            }
        }
        throw wrongType(field, "an integer");
    }

    /** The event time: ISO-8601 string with offset or epoch millis. */
    long readTimestamp(String field) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_STRING) {
            return IsoTimestamps.parse(text(field));
        }
        if (token.isNumeric()) {
            return IsoTimestamps.checkRange(readIntegral(field));
        }
        throw wrongType(field, "an ISO-8601 string or epoch millis");
    }

    /** An object of string values; JSON null reads as an empty map. */
    Map<String, String> readStringMap(String field) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        expectObject(field);
        Map<String, String> values = new LinkedHashMap<>();
        for (String name = nextFieldName(); name != null; name = nextFieldName()) {
            String path = field + "." + name;
            putUnique(values, name, readString(path), path);
        }
        return values;
    }

    void expectObject(String field) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw wrongType(field, "an object");
        }
    }

    /** Copies the current value (scalar or structure) as raw JSON text, enforcing the limits. */
    String readRaw(String field) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = factory.createGenerator(out)) {
            JsonToken token = parser.currentToken();
            int outerDepth = token.isStructStart() ? depth - 1 : depth;
            copy(generator, token, field);
            while (depth > outerDepth) {
                copy(generator, next(), field);
            }
        }
        return out.toString();
    }

    private void copy(JsonGenerator generator, JsonToken token, String field) throws IOException {
        if (token == JsonToken.FIELD_NAME) {
            checkLength(parser.currentName(), "field name in '" + field + "'");
        } else if (token == JsonToken.VALUE_STRING) {
            text(field);
        }
        generator.copyCurrentEventExact(parser);
    }

    static <V> void putUnique(Map<String, V> map, String name, V value, String path) {
        if (map.putIfAbsent(name, value) != null) {
            throw duplicate(path);
        }
    }

    static EventFormatException duplicate(String path) {
        return new EventFormatException(ParseFailureReason.DUPLICATE_FIELD, "field '" + Texts.clip(path) + "' appears twice");
    }

    EventFormatException wrongType(String field, String expected) {
        return new EventFormatException(ParseFailureReason.WRONG_TYPE,
                "'" + Texts.clip(field) + "' must be " + expected + ", got " + describe(parser.currentToken()));
    }

    private String text(String field) throws IOException {
        if (parser.getTextLength() > limits.maxStringLength()) {
            throw new EventFormatException(ParseFailureReason.STRING_TOO_LONG,
                    "string in '" + Texts.clip(field) + "' is longer than " + limits.maxStringLength() + " chars");
        }
        return parser.getText();
    }

    private double finite(String field) throws IOException {
        double value = parser.getDoubleValue();
        if (!Double.isFinite(value)) {
            throw new EventFormatException(ParseFailureReason.NON_FINITE_NUMBER,
                    "'" + Texts.clip(field) + "' overflows a double");
        }
        return value;
    }

    private void checkLength(String name, String what) {
        if (name.length() > limits.maxStringLength()) {
            throw new EventFormatException(ParseFailureReason.STRING_TOO_LONG,
                    what + " '" + Texts.clip(name) + "' is longer than " + limits.maxStringLength() + " chars");
        }
    }

    private static String describe(JsonToken token) {
        switch (token) {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return token.name();
        }
    }
}
