package io.driftwatch.schemas.events;

import java.util.Objects;

/**
 * One feature value as sent by the model: a JSON number (always held as {@code double}; integers above
 * 2^53 lose precision), a string, a boolean or null. JSON cannot carry NaN or infinities, so a
 * {@link Num} is always finite; the string {@code "NaN"} is a {@link Str} like any other string.
 *
 * <p>Booleans and null are shared constants ({@link #of(boolean)}, {@link Null#INSTANCE}), so only numbers
 * and strings allocate.
 */
public sealed interface FeatureValue permits FeatureValue.Num, FeatureValue.Str, FeatureValue.Bool, FeatureValue.Null {

    /** A finite number. */
    record Num(double value) implements FeatureValue {
        public Num {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("feature number must be finite, got " + value);
            }
        }
    }

    /** A string (a category); never null. */
    record Str(String value) implements FeatureValue {
        public Str {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A boolean; use {@link FeatureValue#of(boolean)} to get the shared instances. */
    record Bool(boolean value) implements FeatureValue {
        static final Bool TRUE = new Bool(true);
        static final Bool FALSE = new Bool(false);
    }

    /** JSON null: the feature was sent but has no value (counted as missing by data-quality checks). */
    enum Null implements FeatureValue {
        INSTANCE
    }

    static FeatureValue of(boolean value) {
        return value ? Bool.TRUE : Bool.FALSE;
    }

    static FeatureValue of(double value) {
        return new Num(value);
    }

    static FeatureValue of(String value) {
        return new Str(value);
    }
}
