package io.driftwatch.flink.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The value types options are declared with. */
public final class ValueTypes {

    /** {@code ${env:NAME}} or {@code ${file:/absolute/path}}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]*)}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final String REFERENCE_SYNTAX = "${env:VAR} or ${file:/absolute/path}";

    private ValueTypes() {}

    /** A non-empty string. */
    public static ValueType<String> text() {
        return matching(null, "string", null);
    }

    /** A string matching {@code pattern}; {@code expectation} says what it should look like. */
    public static ValueType<String> matching(Pattern pattern, String typeName, String expectation) {
        return new ValueType<>() {
            @Override
            public String typeName() {
                return typeName;
            }

            @Override
            public String read(ConfigNode value) {
                String text = string(value);
                if (text != null && pattern != null && !pattern.matcher(text).matches()) {
                    value.error("'" + text + "' is not " + expectation);
                    return null;
                }
                return text;
            }
        };
    }

    /** An integer in {@code [min, max]}. */
    public static ValueType<Integer> integer(int min, int max) {
        return new ValueType<>() {
            @Override
            public String typeName() {
                return "integer " + min + ".." + max;
            }

            @Override
            public Integer read(ConfigNode value) {
                JsonNode json = value.json();
                if (!json.isIntegralNumber() || !json.canConvertToInt()) {
                    value.error("must be an integer, got " + describe(json));
                    return null;
                }
                int number = json.intValue();
                if (number < min || number > max) {
                    value.error("must be between " + min + " and " + max + ", got " + number);
                    return null;
                }
                return number;
            }
        };
    }

    /** A finite number in {@code [min, max]}. */
    public static ValueType<Double> number(double min, double max) {
        return new ValueType<>() {
            @Override
            public String typeName() {
                return "number " + min + ".." + max;
            }

            @Override
            public Double read(ConfigNode value) {
                JsonNode json = value.json();
                if (!json.isNumber()) {
                    value.error("must be a number, got " + describe(json));
                    return null;
                }
                double number = json.doubleValue();
                if (!(number >= min && number <= max)) {
                    value.error("must be between " + min + " and " + max + ", got " + number);
                    return null;
                }
                return number;
            }
        };
    }

    /** A duration ({@link Durations#SYNTAX}) of at least {@code min}. */
    public static ValueType<Duration> duration(Duration min) {
        return new ValueType<>() {
            @Override
            public String typeName() {
                return "duration >= " + Durations.format(min);
            }

            @Override
            public Duration read(ConfigNode value) {
                JsonNode json = value.json();
                Duration duration = json.isTextual() ? Durations.parse(json.textValue()).orElse(null) : null;
                if (duration == null) {
                    value.error("invalid duration " + describe(json) + "; expected " + Durations.SYNTAX);
                    return null;
                }
                if (duration.compareTo(min) < 0) {
                    value.error("must be at least " + Durations.format(min) + ", got " + json.textValue());
                    return null;
                }
                return duration;
            }

            @Override
            public String format(Duration value) {
                return Durations.format(value);
            }
        };
    }

    /** A list of distinct non-empty strings. */
    public static ValueType<List<String>> textList() {
        return new ValueType<>() {
            @Override
            public String typeName() {
                return "list of strings";
            }

            @Override
            public List<String> read(ConfigNode value) {
                JsonNode json = value.json();
                if (!json.isArray()) {
                    value.error("must be a list, e.g. [a, b], got " + describe(json));
                    return null;
                }
                Set<String> items = new LinkedHashSet<>();
                boolean ok = true;
                for (int i = 0; i < json.size(); i++) {
                    String item = string(value.child(String.valueOf(i), json.get(i)));
                    if (item == null) {
                        ok = false;
                    } else if (!items.add(item)) {
                        value.error("lists '" + item + "' twice");
                        ok = false;
                    }
                }
                return ok ? List.copyOf(items) : null;
            }

            @Override
            public String format(List<String> value) {
                return "[" + String.join(", ", value) + "]";
            }
        };
    }

    /** One of a fixed set of words, e.g. an enum's ids. */
    public static <E> ValueType<E> keyword(E[] values, Function<E, String> id) {
        List<String> ids = Arrays.stream(values).map(id).toList();
        return new ValueType<>() {
            @Override
            public String typeName() {
                return "one of " + String.join(", ", ids);
            }

            @Override
            public E read(ConfigNode value) {
                return ValueTypes.keyword(value, values, id);
            }

            @Override
            public String format(E value) {
                return id.apply(value);
            }
        };
    }

    /** A secret given by reference, {@code ${env:VAR}} or {@code ${file:/path}}, resolved at load. */
    public static ValueType<Secret> secret() {
        return new ValueType<>() {
            @Override
            public String typeName() {
                return "secret reference";
            }

            @Override
            public Secret read(ConfigNode value) {
                // Never echo the value: it may be a secret written in by mistake.
                String text = value.json().isTextual() ? value.json().textValue() : null;
                if (text == null || !isReference(text)) {
                    value.error("must be a reference " + REFERENCE_SYNTAX + "; secrets are never written in the file");
                    return null;
                }
                return resolve(value, text);
            }
        };
    }

    static boolean isReference(String text) {
        return REFERENCE.matcher(text).matches();
    }

    /** Resolves a reference ({@link #isReference} must hold); {@code null} after reporting an error. */
    static Secret resolve(ConfigNode value, String reference) {
        Matcher m = REFERENCE.matcher(reference);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a reference: " + reference);
        }
        String target = m.group(2);
        String resolved;
        if (m.group(1).equals("env")) {
            if (!ENV_NAME.matcher(target).matches()) {
                value.error("'" + target + "' is not an environment variable name");
                return null;
            }
            resolved = value.secrets().env(target).orElse(null);
            if (resolved == null) {
                value.error("environment variable " + target + " (from " + reference + ") is not set");
                return null;
            }
        } else {
            if (target.isEmpty() || !Path.of(target).isAbsolute()) {
                value.error("secret file '" + target + "' must be an absolute path");
                return null;
            }
            try {
                resolved = stripOneTrailingNewline(value.secrets().readFile(Path.of(target)));
            } catch (IOException e) {
                value.error("cannot read secret file " + target + ": " + e.getClass().getSimpleName());
                return null;
            }
        }
        if (resolved.isEmpty()) {
            value.error(reference + " resolves to an empty value");
            return null;
        }
        return new Secret(reference, resolved);
    }

    /** Files written by {@code echo} or Kubernetes secrets end with a newline that is not part of the secret. */
    private static String stripOneTrailingNewline(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** A non-empty string value, or {@code null} after an error (with a hint when YAML typed it otherwise). */
    static String string(ConfigNode value) {
        JsonNode json = value.json();
        if (!json.isTextual()) {
            String hint = json.isBoolean() || json.isNumber()
                    ? "; quote it (YAML reads unquoted yes/no/on/off/true/false and digits as other types)" : "";
            value.error("must be a string, got " + describe(json) + hint);
            return null;
        }
        if (json.textValue().isBlank()) {
            value.error("must not be empty");
            return null;
        }
        return json.textValue();
    }

    /** A finite number, or {@code null} after an error. */
    static Double number(ConfigNode value) {
        JsonNode json = value.json();
        if (!json.isNumber() || !Double.isFinite(json.doubleValue())) {
            value.error("must be a number, got " + describe(json));
            return null;
        }
        return json.doubleValue();
    }

    static <E> E keyword(ConfigNode value, E[] values, Function<E, String> id) {
        String text = string(value);
        if (text == null) {
            return null;
        }
        for (E candidate : values) {
            if (id.apply(candidate).equals(text)) {
                return candidate;
            }
        }
        List<String> ids = new ArrayList<>(Arrays.stream(values).map(id).toList());
        value.error("unknown value '" + text + "'" + Suggestions.didYouMean(text, ids) + "; expected one of "
                + String.join(", ", ids));
        return null;
    }

    /** A short description of a YAML value for error messages. */
    static String describe(JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            return "nothing";
        }
        if (json.isObject()) {
            return "a mapping";
        }
        if (json.isArray()) {
            return "a list";
        }
        if (json.isTextual()) {
            String text = json.textValue();
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
        return (json.isBoolean() ? "boolean " : "number ") + json.asText();
    }
}
