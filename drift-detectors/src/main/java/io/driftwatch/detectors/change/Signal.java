package io.driftwatch.detectors.change;

/** Outcome of feeding one value to a {@link ChangeDetector}. */
public enum Signal {
    /** Stream looks stationary. */
    NONE,
    /** The detector's warning threshold is crossed (only DDM, EDDM, HDDM_A and HDDM_W warn). */
    WARNING,
    /** A change was detected at this value; the detector has reset (or, for ADWIN, shrunk its window). */
    CHANGE
}
