package io.driftwatch.alerting.eval;

/** Where one (rule, series) stands. */
public enum AlertPhase {
    /** No alert; no breach in the last window seen. */
    INACTIVE,
    /** Breaching, but for fewer than {@code for} consecutive windows. */
    PENDING,
    /** Fired and not yet resolved. */
    FIRING,
    /** Resolved in the last window seen; behaves as {@link #INACTIVE} for the next one. */
    RESOLVED
}
