package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * DDM (Gama et al., "Learning with Drift Detection", SBIA 2004).
 *
 * @param minInstances inputs before the test is applied (MOA {@code minNumInstances}, default 30)
 * @param warningLevel multiple of the minimum std above the minimum error rate that warns (default 2.0)
 * @param outControlLevel multiple that signals a change (MOA {@code outcontrolLevel}, default 3.0)
 */
public record DdmParams(int minInstances, double warningLevel, double outControlLevel) implements DetectorParams {

    public static final int DEFAULT_MIN_INSTANCES = 30;
    public static final double DEFAULT_WARNING_LEVEL = 2.0;
    public static final double DEFAULT_OUT_CONTROL_LEVEL = 3.0;

    public DdmParams {
        Checks.positive("ddm minInstances", minInstances);
        Checks.positive("ddm warningLevel", warningLevel);
        Checks.positive("ddm outControlLevel", outControlLevel);
    }

    public static DdmParams defaults() {
        return new DdmParams(DEFAULT_MIN_INSTANCES, DEFAULT_WARNING_LEVEL, DEFAULT_OUT_CONTROL_LEVEL);
    }

    @Override
    public DetectorId id() {
        return DetectorId.DDM;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(minInstances);
        out.writeDouble(warningLevel);
        out.writeDouble(outControlLevel);
    }

    static DdmParams read(DataInput in) throws IOException {
        return new DdmParams(in.readInt(), in.readDouble(), in.readDouble());
    }
}
