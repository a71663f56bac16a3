package io.driftwatch.alerting.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML with Jackson's streaming YAML parser into {@link YamlNode}s that keep line and column.
 * Duplicate keys are reported (the later one is ignored); a syntax error stops reading and is reported at
 * the location Jackson gives.
 */
final class YamlTreeReader {

    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final Problems problems;

    YamlTreeReader(Problems problems) {
        this.problems = problems;
    }

    /** The document's root, or null when it is empty or not readable (the problem is then recorded). */
    YamlNode read(String text) {
        try (JsonParser parser = FACTORY.createParser(new StringReader(text))) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(SourcePosition.START, "the rules file is empty");
                return null;
            }
            return readValue(parser);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            SourcePosition position = at == null ? SourcePosition.START
                    : new SourcePosition(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
            problems.add(position, "not valid YAML: " + e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string cannot fail", e);
        }
    }

    private YamlNode readValue(JsonParser parser) throws IOException {
        SourcePosition position = positionOf(parser);
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readMapping(parser, position);
            case START_ARRAY:
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser));
                }
                return new YamlNode.Sequence(position, items);
            case VALUE_STRING:
                return new YamlNode.Scalar(position, parser.getText(), YamlNode.ScalarType.STRING);
            case VALUE_NUMBER_INT:
                return new YamlNode.Scalar(position, parser.getText(), YamlNode.ScalarType.INTEGER);
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(position, parser.getText(), YamlNode.ScalarType.FLOAT);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(position, parser.getText(), YamlNode.ScalarType.BOOLEAN);
            case VALUE_NULL:
                return new YamlNode.Scalar(position, "", YamlNode.ScalarType.NULL);
            default:
                problems.add(position, "unsupported YAML content " + token);
                parser.skipChildren();
                return new YamlNode.Scalar(position, "", YamlNode.ScalarType.NULL);
        }
    }

    private YamlNode readMapping(JsonParser parser, SourcePosition position) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            SourcePosition keyPosition = positionOf(parser);
            String key = parser.currentName();
            parser.nextToken();
            YamlNode value = readValue(parser);
            if (entries.containsKey(key)) {
                problems.add(keyPosition, "duplicate key '" + key + "' (first at " + entries.get(key).keyPosition() + ")");
            } else {
                entries.put(key, new YamlNode.Entry(keyPosition, value));
            }
        }
        return new YamlNode.Mapping(position, entries);
    }

    private static SourcePosition positionOf(JsonParser parser) {
        JsonLocation at = parser.currentTokenLocation();
        return new SourcePosition(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }
}
