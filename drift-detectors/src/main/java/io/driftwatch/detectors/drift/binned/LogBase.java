package io.driftwatch.detectors.drift.binned;

/** Logarithm base of an entropy-based distance. */
public enum LogBase {
    /** Bits; Jensen–Shannon distance then lies in [0, 1]. */
    TWO(Math.log(2)),
    /** Nats (scipy's default); Jensen–Shannon distance lies in [0, sqrt(ln 2)]. */
    E(1.0);

    private final double lnOfBase;

    LogBase(double lnOfBase) {
        this.lnOfBase = lnOfBase;
    }

    /** {@code ln(base)}: divide a natural-log quantity by this to change base. */
    public double lnOfBase() {
        return lnOfBase;
    }
}
