package io.driftwatch.app.demo;

/** Facts about a generated event that tests and the demo's self-check count. */
public enum EventMark {
    /** The prediction (or the prediction a label belongs to) was generated after the drift start. */
    AFTER_DRIFT_START,
    /** Drawn from the drifted feature distribution (drifted segment, after the start). */
    DRIFTED_SEGMENT,
    /** A label emitted before its prediction. */
    LABEL_BEFORE_PREDICTION,
    /** A prediction held back and emitted after its label (its event time is older than the clock). */
    PREDICTION_AFTER_LABEL,
    /** A second, identical copy of a label. */
    DUPLICATE_LABEL,
    /** A deliberately broken payload; see {@link GeneratedEvent#malformation()}. */
    MALFORMED
}
