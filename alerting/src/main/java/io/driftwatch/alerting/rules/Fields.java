package io.driftwatch.alerting.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed access to the keys of one YAML mapping that records a problem (with the position of the offending
 * node) for every unknown key, missing required key and value of the wrong type, and goes on reading.
 * Methods return empty when the value is missing or bad, so the caller can keep validating other keys.
 */
final class Fields {

    private final YamlNode.Mapping mapping;
    private final String context;
    private final Problems problems;

    private Fields(YamlNode.Mapping mapping, String context, Problems problems) {
        this.mapping = mapping;
        this.context = context;
        this.problems = problems;
    }

    /**
     * Fields of {@code node} if it is a mapping; records unknown keys (not in {@code allowed}).
     * Empty (problem recorded) when {@code node} is not a mapping.
     */
    static Optional<Fields> of(YamlNode node, String context, Set<String> allowed, Problems problems) {
        if (!(node instanceof YamlNode.Mapping m)) {
            problems.add(node.position(), context + ": expected a mapping, found " + node.kindName());
            return Optional.empty();
        }
        for (Map.Entry<String, YamlNode.Entry> e : m.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                problems.add(e.getValue().keyPosition(), context + ": unknown key '" + e.getKey()
                        + "'; allowed: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return Optional.of(new Fields(m, context, problems));
    }

    String context() {
        return context;
    }

    SourcePosition position() {
        return mapping.position();
    }

    Problems problems() {
        return problems;
    }

    boolean has(String key) {
        return mapping.entries().containsKey(key);
    }

    Optional<YamlNode> node(String key) {
        return Optional.ofNullable(mapping.entries().get(key)).map(YamlNode.Entry::value);
    }

    /** The node of a required key, or empty with a "missing" problem. */
    Optional<YamlNode> required(String key) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            problems.add(mapping.position(), context + ": missing required key '" + key + "'");
        }
        return node;
    }

    Optional<String> requiredString(String key) {
        return required(key).flatMap(n -> string(n, key));
    }

    Optional<String> optionalString(String key) {
        return node(key).flatMap(n -> string(n, key));
    }

    /** A non-negative or bounded integer; empty (problem recorded) when out of [min, max]. */
    Optional<Integer> optionalInt(String key, int min, int max) {
        return node(key).flatMap(n -> {
            if (n instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.INTEGER) {
                try {
                    int value = Integer.parseInt(s.text());
                    if (value >= min && value <= max) {
                        return Optional.of(value);
                    }
                } catch (NumberFormatException e) {
                    // falls through to the range message
                }
                problems.add(n.position(), context + ": '" + key + "' must be an integer in [" + min + ", " + max
                        + "], got " + s.text());
                return Optional.empty();
            }
            problems.add(n.position(), context + ": '" + key + "' must be an integer, found " + n.kindName());
            return Optional.empty();
        });
    }

    /** A finite number. */
    Optional<Double> requiredNumber(String key) {
        return required(key).flatMap(n -> {
            if (n instanceof YamlNode.Scalar s && (s.type() == YamlNode.ScalarType.INTEGER
                    || s.type() == YamlNode.ScalarType.FLOAT)) {
                double value = Double.parseDouble(s.text());
                if (Double.isFinite(value)) {
                    return Optional.of(value);
                }
            }
            problems.add(n.position(), context + ": '" + key + "' must be a finite number");
            return Optional.empty();
        });
    }

    Optional<Boolean> requiredBoolean(String key) {
        return required(key).flatMap(n -> {
            if (n instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.BOOLEAN) {
                return Optional.of(Boolean.parseBoolean(s.text()));
            }
            problems.add(n.position(), context + ": '" + key + "' must be true or false");
            return Optional.empty();
        });
    }

    /** An enum-like value parsed by {@code lookup}; the problem lists {@code accepted}. */
    <T> Optional<T> choice(String key, boolean required, Function<String, Optional<T>> lookup, List<String> accepted) {
        Optional<YamlNode> node = required ? required(key) : node(key);
        return node.flatMap(n -> string(n, key).flatMap(text -> {
            Optional<T> value = lookup.apply(text);
            if (value.isEmpty()) {
                problems.add(n.position(), context + ": '" + key + "' is '" + text + "'; accepted: "
                        + String.join(", ", accepted));
            }
            return value;
        }));
    }

    /** A list of strings (each checked by the caller); empty list when absent. */
    List<Located<String>> stringList(String key) {
        List<Located<String>> out = new ArrayList<>();
        node(key).ifPresent(n -> {
            if (!(n instanceof YamlNode.Sequence seq)) {
                problems.add(n.position(), context + ": '" + key + "' must be a list, found " + n.kindName());
                return;
            }
            for (YamlNode item : seq.items()) {
                string(item, key).ifPresent(s -> out.add(new Located<>(s, item.position())));
            }
        });
        return out;
    }

    /** A mapping of string to string; empty map when absent. */
    Map<String, Located<String>> stringMap(String key) {
        Map<String, Located<String>> out = new LinkedHashMap<>();
        node(key).ifPresent(n -> {
            if (!(n instanceof YamlNode.Mapping m)) {
                problems.add(n.position(), context + ": '" + key + "' must be a mapping, found " + n.kindName());
                return;
            }
            m.entries().forEach((k, entry) -> scalarText(entry.value(), key + "." + k)
                    .ifPresent(v -> out.put(k, new Located<>(v, entry.value().position()))));
        });
        return out;
    }

    private Optional<String> string(YamlNode n, String key) {
        if (n instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.STRING) {
            return Optional.of(s.text());
        }
        problems.add(n.position(), context + ": '" + key + "' must be a string, found " + n.kindName());
        return Optional.empty();
    }

    /** Any non-null scalar as text (labels may be written as numbers). */
    private Optional<String> scalarText(YamlNode n, String key) {
        if (n instanceof YamlNode.Scalar s && s.type() != YamlNode.ScalarType.NULL) {
            return Optional.of(s.text());
        }
        problems.add(n.position(), context + ": '" + key + "' must be a scalar, found " + n.kindName());
        return Optional.empty();
    }

    /** A value with the position it was written at. */
    record Located<T>(T value, SourcePosition position) {
    }
}
