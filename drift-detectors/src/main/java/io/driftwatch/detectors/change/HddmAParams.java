package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * HDDM_A (Frías-Blanco et al., "Online and Non-Parametric Drift Detection Methods Based on
 * Hoeffding's Bounds", IEEE TKDE 2015), the test on moving averages.
 *
 * @param driftConfidence significance of the change test (MOA default 0.001)
 * @param warningConfidence significance of the warning test (MOA default 0.005)
 * @param side MOA's {@code typeOfTest}; its default for HDDM_A_Test is Two-sided
 */
public record HddmAParams(double driftConfidence, double warningConfidence, TestSide side) implements DetectorParams {

    public static final double DEFAULT_DRIFT_CONFIDENCE = 0.001;
    public static final double DEFAULT_WARNING_CONFIDENCE = 0.005;
    /** MOA 2024.07.0 HDDM_A_Test default typeOfTest (checked by the reference generator). */
    public static final TestSide DEFAULT_SIDE = TestSide.TWO_SIDED;

    public HddmAParams {
        Checks.probability("hddm_a driftConfidence", driftConfidence);
        Checks.probability("hddm_a warningConfidence", warningConfidence);
        if (side == null) {
            throw new IllegalArgumentException("hddm_a side is null");
        }
    }

    public static HddmAParams defaults() {
        return new HddmAParams(DEFAULT_DRIFT_CONFIDENCE, DEFAULT_WARNING_CONFIDENCE, DEFAULT_SIDE);
    }

    @Override
    public DetectorId id() {
        return DetectorId.HDDM_A;
    }

    void write(DataOutput out) throws IOException {
        out.writeDouble(driftConfidence);
        out.writeDouble(warningConfidence);
        out.writeByte(side.ordinal());
    }

    static HddmAParams read(DataInput in) throws IOException {
        return new HddmAParams(in.readDouble(), in.readDouble(), StateCodec.side(in.readByte()));
    }
}
