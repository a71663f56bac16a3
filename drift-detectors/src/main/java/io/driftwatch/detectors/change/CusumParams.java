package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One-sided CUSUM (Page 1954) on deviations from the running mean, detecting increases.
 *
 * @param minInstances inputs before a change may be signalled (MOA default 30)
 * @param delta magnitude of change tolerated (MOA default 0.005)
 * @param lambda threshold on the cumulative sum (MOA default 50)
 */
public record CusumParams(int minInstances, double delta, double lambda) implements DetectorParams {

    public static final int DEFAULT_MIN_INSTANCES = 30;
    public static final double DEFAULT_DELTA = 0.005;
    public static final double DEFAULT_LAMBDA = 50;

    public CusumParams {
        Checks.positive("cusum minInstances", minInstances);
        Checks.nonNegative("cusum delta", delta);
        Checks.positive("cusum lambda", lambda);
    }

    public static CusumParams defaults() {
        return new CusumParams(DEFAULT_MIN_INSTANCES, DEFAULT_DELTA, DEFAULT_LAMBDA);
    }

    @Override
    public DetectorId id() {
        return DetectorId.CUSUM;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(minInstances);
        out.writeDouble(delta);
        out.writeDouble(lambda);
    }

    static CusumParams read(DataInput in) throws IOException {
        return new CusumParams(in.readInt(), in.readDouble(), in.readDouble());
    }
}
