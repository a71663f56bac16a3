package io.driftwatch.flink.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * A resolved secret. {@link #toString()} shows only where it came from ({@code ${env:VAR}} or
 * {@code ${file:/path}}), never the value; call {@link #reveal()} at the single place that needs it.
 */
public final class Secret implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String reference;
    private final String value;

    public Secret(String reference, String value) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.value = Objects.requireNonNull(value, "value");
    }

    /** Where the value came from, e.g. {@code ${env:CLICKHOUSE_PASSWORD}}; safe to log. */
    public String reference() {
        return reference;
    }

    /** The secret value itself; do not log it. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && reference.equals(s.reference) && value.equals(s.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reference, value);
    }

    @Override
    public String toString() {
        return "****(" + reference + ")";
    }
}
