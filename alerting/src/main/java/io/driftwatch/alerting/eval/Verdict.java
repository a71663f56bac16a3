package io.driftwatch.alerting.eval;

/** What one window says about one series under one rule. */
public enum Verdict {
    /** The condition holds. */
    BREACH,
    /** The condition does not hold. */
    CLEAN,
    /** The value the condition needs is missing or NaN: neither counts towards firing nor towards resolving. */
    NO_DATA
}
