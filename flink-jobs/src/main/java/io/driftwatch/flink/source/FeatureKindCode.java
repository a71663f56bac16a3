package io.driftwatch.flink.source;

/**
 * Byte codes of a feature value's JSON type in {@link Observation#featureKinds} ({@link ObservationMapper} maps
 * the parser's {@code FeatureKind} to them).
 */
public final class FeatureKindCode {
    public static final byte NUMBER = 0;
    public static final byte TEXT = 1;
    public static final byte BOOLEAN = 2;
    public static final byte NULL = 3;

    private FeatureKindCode() {}
}
