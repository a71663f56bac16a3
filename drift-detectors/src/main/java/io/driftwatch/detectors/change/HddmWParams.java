package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * HDDM_W (Frías-Blanco et al., IEEE TKDE 2015), the test on exponentially weighted moving averages.
 *
 * @param driftConfidence significance of the change test (MOA default 0.001)
 * @param warningConfidence significance of the warning test (MOA default 0.005)
 * @param lambda EWMA weight of the newest value, in (0, 1) (MOA default 0.05)
 * @param side MOA's {@code typeOfTest}; its default for HDDM_W_Test is One-sided
 */
public record HddmWParams(double driftConfidence, double warningConfidence, double lambda, TestSide side)
        implements DetectorParams {

    public static final double DEFAULT_DRIFT_CONFIDENCE = 0.001;
    public static final double DEFAULT_WARNING_CONFIDENCE = 0.005;
    public static final double DEFAULT_LAMBDA = 0.05;
    /** MOA 2024.07.0 HDDM_W_Test default typeOfTest (checked by the reference generator). */
    public static final TestSide DEFAULT_SIDE = TestSide.ONE_SIDED;

    public HddmWParams {
        Checks.probability("hddm_w driftConfidence", driftConfidence);
        Checks.probability("hddm_w warningConfidence", warningConfidence);
        Checks.probability("hddm_w lambda", lambda);
        if (side == null) {
            throw new IllegalArgumentException("hddm_w side is null");
        }
    }

    public static HddmWParams defaults() {
        return new HddmWParams(DEFAULT_DRIFT_CONFIDENCE, DEFAULT_WARNING_CONFIDENCE, DEFAULT_LAMBDA, DEFAULT_SIDE);
    }

    @Override
    public DetectorId id() {
        return DetectorId.HDDM_W;
    }

    void write(DataOutput out) throws IOException {
        out.writeDouble(driftConfidence);
        out.writeDouble(warningConfidence);
        out.writeDouble(lambda);
        out.writeByte(side.ordinal());
    }

    static HddmWParams read(DataInput in) throws IOException {
        return new HddmWParams(in.readDouble(), in.readDouble(), in.readDouble(), StateCodec.side(in.readByte()));
    }
}
