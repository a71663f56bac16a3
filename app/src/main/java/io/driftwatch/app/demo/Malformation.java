package io.driftwatch.app.demo;

import io.driftwatch.schemas.events.ParseFailureReason;

/** Ways {@link MalformedEventInjector} breaks a valid event, and the parser's expected rejection reason. */
public enum Malformation {
    /** The payload cut in half. */
    TRUNCATED(ParseFailureReason.INVALID_JSON, ParseFailureReason.INVALID_JSON),
    /** {@code prediction_id} removed. */
    MISSING_FIELD(ParseFailureReason.MISSING_FIELD, ParseFailureReason.MISSING_FIELD),
    /** {@code model_id} sent as a number. */
    WRONG_TYPE(ParseFailureReason.WRONG_TYPE, ParseFailureReason.WRONG_TYPE),
    /** The string {@code "NaN"} where a number or time belongs: {@code latency_ms} of a prediction, {@code timestamp} of a label. */
    NAN_STRING(ParseFailureReason.WRONG_TYPE, ParseFailureReason.INVALID_TIMESTAMP),
    /** {@code 1e999}, which overflows a double: {@code latency_ms} of a prediction, {@code label} of a label. */
    OVERFLOWING_NUMBER(ParseFailureReason.NON_FINITE_NUMBER, ParseFailureReason.NON_FINITE_NUMBER);

    private final ParseFailureReason predictionReason;
    private final ParseFailureReason labelReason;

    Malformation(ParseFailureReason predictionReason, ParseFailureReason labelReason) {
        this.predictionReason = predictionReason;
        this.labelReason = labelReason;
    }

    /** The reason {@code EventParser} gives when rejecting an event of {@code kind} broken this way. */
    public ParseFailureReason expectedReason(EventKind kind) {
        return kind == EventKind.PREDICTION ? predictionReason : labelReason;
    }
}
