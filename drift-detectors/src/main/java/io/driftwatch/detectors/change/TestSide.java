package io.driftwatch.detectors.change;

/**
 * Which mean movements the HDDM tests monitor. Both sides only ever <em>signal</em> an increase;
 * {@link #TWO_SIDED} additionally restarts the statistics when the mean significantly decreases
 * (an improvement), as MOA's {@code typeOfTest=Two-sided} does.
 */
public enum TestSide {
    ONE_SIDED,
    TWO_SIDED
}
