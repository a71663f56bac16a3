package io.driftwatch.detectors.change;

/**
 * A streaming change detector over a 0/1 error stream (1 = error) or a real-valued stream.
 *
 * <p>Instances are mutable and not thread-safe; one instance per monitored stream. Memory is
 * bounded: constant for all detectors except ADWIN, whose bucket structure is logarithmic in the
 * window length. State is serialized with {@link #toBytes()} and restored with
 * {@link ChangeDetectors#fromBytes(byte[])}; a restored detector continues exactly as the original.
 *
 * <p>Signals equal those of MOA 2024.07.0's detectors with the same options, value for value
 * (checked against MOA's outputs in the tests). Edge cases:
 * <ul>
 *   <li>NaN or infinite values, and values outside a detector's domain, throw
 *       IllegalArgumentException and leave the state untouched;</li>
 *   <li>a constant stream (any detector, any constant in its domain) never warns or signals;</li>
 *   <li>DDM, Page-Hinkley and CUSUM are silent until their internal count reaches
 *       {@code minInstances} (from the {@code minInstances-1}-th value, as in MOA); EDDM until
 *       more than {@code minInstances} values and {@code minErrors} errors; ADWIN only tests every
 *       32nd value once its window holds more than 10; HDDM has no minimum;</li>
 *   <li>only increases of the mean (error rate) are signalled, by every detector;</li>
 *   <li>after {@link Signal#CHANGE}, DDM, EDDM, Page-Hinkley and CUSUM restart with the next
 *       value, HDDM_A and HDDM_W restart at once, ADWIN keeps its shrunk window.</li>
 * </ul>
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
