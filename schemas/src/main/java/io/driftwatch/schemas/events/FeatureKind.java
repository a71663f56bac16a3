package io.driftwatch.schemas.events;

/** The JSON type of a feature value ({@link FeatureValue}'s four cases). */
public enum FeatureKind {
    NUMBER, TEXT, BOOLEAN, NULL
}
