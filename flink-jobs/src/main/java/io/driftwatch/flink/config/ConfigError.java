package io.driftwatch.flink.config;

import java.util.Objects;

/**
 * One problem in a configuration file.
 *
 * @param path    key path, e.g. {@code windows.size} or {@code baselines.fraud.profile}; empty for the document
 * @param message what is wrong and, where possible, what would be right
 */
public record ConfigError(String path, String message) {

    public ConfigError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "(document)" : path) + ": " + message;
    }
}
