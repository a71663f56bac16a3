package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * ADWIN (Bifet and Gavaldà, "Learning from Time-Changing Data with Adaptive Windowing", SDM 2007).
 *
 * @param delta confidence of the cut test, in (0, 1); MOA's {@code deltaAdwin} default is 0.002
 */
public record AdwinParams(double delta) implements DetectorParams {

    /** MOA's ADWINChangeDetector default {@code deltaAdwin}. */
    public static final double DEFAULT_DELTA = 0.002;

    public AdwinParams {
        Checks.probability("adwin delta", delta);
    }

    public static AdwinParams defaults() {
        return new AdwinParams(DEFAULT_DELTA);
    }

    @Override
    public DetectorId id() {
        return DetectorId.ADWIN;
    }

    void write(DataOutput out) throws IOException {
        out.writeDouble(delta);
    }

    static AdwinParams read(DataInput in) throws IOException {
        return new AdwinParams(in.readDouble());
    }
}
