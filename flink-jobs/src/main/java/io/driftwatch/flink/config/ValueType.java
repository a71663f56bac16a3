package io.driftwatch.flink.config;

/**
 * How one option's value is read from YAML and shown in the reference. Implementations report problems on the
 * value's node ({@link ConfigNode#error(String)}) and return {@code null}; they never throw on bad input.
 *
 * @param <T> the Java type of the value
 */
public interface ValueType<T> {

    /** Short type description for the options reference, e.g. {@code duration} or {@code integer 1..1000}. */
    String typeName();

    /** Reads a present, non-null value; returns {@code null} after reporting an error. */
    T read(ConfigNode value);

    /** The value as it would be written in the YAML file (used for defaults in the reference). */
    default String format(T value) {
        return String.valueOf(value);
    }
}
