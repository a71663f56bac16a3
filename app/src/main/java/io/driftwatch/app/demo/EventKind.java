package io.driftwatch.app.demo;

/** Which topic an event belongs on. */
public enum EventKind {
    PREDICTION,
    LABEL
}
