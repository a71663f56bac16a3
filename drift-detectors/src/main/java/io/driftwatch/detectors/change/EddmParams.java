package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * EDDM (Baena-García et al., "Early Drift Detection Method", 2006). MOA hard-codes these values
 * (they are not options there); here they are parameters with MOA's values as defaults.
 *
 * @param minInstances the test is applied only after more than this many inputs (MOA: 30)
 * @param minErrors the test is applied only after more than this many errors (MOA: 30)
 * @param warningRatio warn when (mean + 2 std) / its maximum falls below this (MOA: 0.95)
 * @param driftRatio signal a change when the ratio falls below this (MOA: 0.9)
 */
public record EddmParams(int minInstances, int minErrors, double warningRatio, double driftRatio)
        implements DetectorParams {

    public static final int DEFAULT_MIN_INSTANCES = 30;
    public static final int DEFAULT_MIN_ERRORS = 30;
    public static final double DEFAULT_WARNING_RATIO = 0.95;
    public static final double DEFAULT_DRIFT_RATIO = 0.9;

    public EddmParams {
        Checks.positive("eddm minInstances", minInstances);
        Checks.positive("eddm minErrors", minErrors);
        Checks.probability("eddm warningRatio", warningRatio);
        Checks.probability("eddm driftRatio", driftRatio);
        if (driftRatio > warningRatio) {
            throw new IllegalArgumentException("eddm driftRatio (" + driftRatio
                    + ") must not exceed warningRatio (" + warningRatio + ")");
        }
    }

    public static EddmParams defaults() {
        return new EddmParams(DEFAULT_MIN_INSTANCES, DEFAULT_MIN_ERRORS, DEFAULT_WARNING_RATIO, DEFAULT_DRIFT_RATIO);
    }

    @Override
    public DetectorId id() {
        return DetectorId.EDDM;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(minInstances);
        out.writeInt(minErrors);
        out.writeDouble(warningRatio);
        out.writeDouble(driftRatio);
    }

    static EddmParams read(DataInput in) throws IOException {
        return new EddmParams(in.readInt(), in.readInt(), in.readDouble(), in.readDouble());
    }
}
