package io.driftwatch.flink.source;

import io.driftwatch.schemas.events.FeatureKind;
import io.driftwatch.schemas.events.FeatureValue;

/** Byte codes of a feature value's JSON type in {@link Observation#featureKinds}. */
public final class FeatureKindCode {
    public static final byte NUMBER = 0;
    public static final byte TEXT = 1;
    public static final byte BOOLEAN = 2;
    public static final byte NULL = 3;

    private FeatureKindCode() {}

    public static byte of(FeatureKind kind) {
        return switch (kind) {
            case NUMBER -> NUMBER;
            case TEXT -> TEXT;
            case BOOLEAN -> BOOLEAN;
            case NULL -> NULL;
        };
    }

    public static byte of(FeatureValue value) {
        if (value instanceof FeatureValue.Num) {
            return NUMBER;
        }
        if (value instanceof FeatureValue.Str) {
            return TEXT;
        }
        return value instanceof FeatureValue.Bool ? BOOLEAN : NULL;
    }
}
