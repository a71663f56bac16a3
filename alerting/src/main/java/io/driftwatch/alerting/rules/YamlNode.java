package io.driftwatch.alerting.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node remembers where it starts, so validation errors can name a
 * line and column. Keys keep their own location (an unknown key is reported where the key is written).
 */
sealed interface YamlNode {

    SourcePosition position();

    /** What the node is, for messages such as "expected a list, found a scalar". */
    String kindName();

    record Mapping(SourcePosition position, Map<String, Entry> entries) implements YamlNode {
        public Mapping {
            entries = new LinkedHashMap<>(entries);
        }

        @Override
        public String kindName() {
            return "a mapping";
        }
    }

    /** One key of a mapping: where the key is written, and its value. */
    record Entry(SourcePosition keyPosition, YamlNode value) {
    }

    record Sequence(SourcePosition position, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kindName() {
            return "a list";
        }
    }

    /**
     * A scalar with its text as written (after YAML unquoting) and how YAML typed it.
     *
     * @param type STRING, INTEGER, FLOAT, BOOLEAN or NULL
     */
    record Scalar(SourcePosition position, String text, ScalarType type) implements YamlNode {
        @Override
        public String kindName() {
            return type == ScalarType.NULL ? "nothing (null)" : "a scalar";
        }
    }

    enum ScalarType { STRING, INTEGER, FLOAT, BOOLEAN, NULL }
}
