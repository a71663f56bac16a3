package io.driftwatch.flink.config;

import java.util.List;

/** Thrown by {@link ConfigLoader} with every problem found in the file, not just the first. */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ConfigError> errors;

    public ConfigException(String source, List<ConfigError> errors) {
        super(message(source, errors));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String message(String source, List<ConfigError> errors) {
        StringBuilder text = new StringBuilder(source).append(": ").append(errors.size())
                .append(errors.size() == 1 ? " configuration error" : " configuration errors");
        for (ConfigError error : errors) {
            text.append(System.lineSeparator()).append("  - ").append(error);
        }
        return text.toString();
    }
}
