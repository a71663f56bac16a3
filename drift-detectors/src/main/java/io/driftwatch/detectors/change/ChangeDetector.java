package io.driftwatch.detectors.change;

/**
 * A streaming change detector over a 0/1 error stream (1 = error) or a real-valued stream.
 *
 * <p>Instances are mutable and not thread-safe; one instance per monitored stream. Memory is
 * bounded: constant for all detectors except ADWIN, whose bucket structure is logarithmic in the
 * window length. State is serialized with {@link #toBytes()} and restored with
 * {@link ChangeDetectors#fromBytes(byte[])}; a restored detector continues exactly as the original.
 */
public interface ChangeDetector {

    /**
     * Feeds the next value and reports what the detector concludes at this value.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite, or outside the domain the
     *     detector accepts (0/1 for DDM and EDDM, [0, 1] for HDDM_A and HDDM_W)
     */
    Signal update(double value);

    DetectorId id();

    DetectorParams params();

    /** Number of values fed since creation (survives resets and serialization). */
    long inputs();

    /** Versioned bytes holding parameters and full state. */
    byte[] toBytes();
}
