package io.driftwatch.alerting.rules;

import java.util.Objects;

/**
 * One problem in a rules file. Messages never contain the value of a secret.
 *
 * @param source  the file name (or another label of the text) the error is in
 * @param line    1-based line
 * @param column  1-based column
 * @param message what is wrong and, where it helps, what is accepted
 */
public record RuleError(String source, int line, int column, String message) {

    public RuleError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }

    /** As compilers print it: {@code rules.yaml:12:5: message}. */
    @Override
    public String toString() {
        return source + ":" + line + ":" + column + ": " + message;
    }
}
