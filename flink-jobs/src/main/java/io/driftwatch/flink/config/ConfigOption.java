package io.driftwatch.flink.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Declaration of one configuration key: the single home of its path, type, default and description. The
 * options reference in {@code flink-jobs/CONFIG.md} is generated from these declarations.
 *
 * @param path         dotted key path; a segment in angle brackets is a placeholder for a user-chosen key,
 *                     e.g. {@code baselines.<model>.kind}
 * @param type         how the value is read
 * @param defaultValue value used when the key is absent; {@code null} when there is none
 * @param required     whether the key must be present
 * @param description  one sentence for the reference
 * @param <T>          the Java type of the value
 */
public record ConfigOption<T>(String path, ValueType<T> type, T defaultValue, boolean required, String description) {

    private static final Pattern PATH = Pattern.compile("[a-z_]+|<[a-z_]+>");

    public ConfigOption {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        for (String segment : path.split("\\.", -1)) {
            if (!PATH.matcher(segment).matches()) {
                throw new IllegalArgumentException("bad option path '" + path + "': segment '" + segment + "'");
            }
        }
        if (required && defaultValue != null) {
            throw new IllegalArgumentException(path + ": a required option has no default");
        }
    }

    public static <T> ConfigOption<T> withDefault(String path, ValueType<T> type, T defaultValue, String description) {
        return new ConfigOption<>(path, type, Objects.requireNonNull(defaultValue, "defaultValue"), false, description);
    }

    public static <T> ConfigOption<T> required(String path, ValueType<T> type, String description) {
        return new ConfigOption<>(path, type, null, true, description);
    }

    /** An option that may be absent and then has no value ({@code null}). */
    public static <T> ConfigOption<T> optional(String path, ValueType<T> type, String description) {
        return new ConfigOption<>(path, type, null, false, description);
    }

    /** The last path segment: the YAML key. */
    public String name() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The path of the enclosing mapping ({@code ""} for the root). */
    public String parentPath() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /** The default as written in the reference. */
    public String defaultText() {
        if (required) {
            return "required";
        }
        return defaultValue == null ? "none" : type.format(defaultValue);
    }
}
