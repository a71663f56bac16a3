package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Page-Hinkley test (Page, "Continuous Inspection Schemes", Biometrika 1954) with a fading factor,
 * detecting increases of the mean.
 *
 * @param minInstances inputs before a change may be signalled (MOA default 30)
 * @param delta magnitude of change tolerated (MOA default 0.005)
 * @param lambda threshold on the cumulative sum (MOA default 50)
 * @param alpha fading factor of the cumulative sum, in (0, 1] (MOA default 1 - 0.0001)
 */
public record PageHinkleyParams(int minInstances, double delta, double lambda, double alpha)
        implements DetectorParams {

    public static final int DEFAULT_MIN_INSTANCES = 30;
    public static final double DEFAULT_DELTA = 0.005;
    public static final double DEFAULT_LAMBDA = 50;
    public static final double DEFAULT_ALPHA = 1 - 0.0001;

    public PageHinkleyParams {
        Checks.positive("page_hinkley minInstances", minInstances);
        Checks.nonNegative("page_hinkley delta", delta);
        Checks.positive("page_hinkley lambda", lambda);
        if (!(alpha > 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("page_hinkley alpha must be in (0, 1], got " + alpha);
        }
    }

    public static PageHinkleyParams defaults() {
        return new PageHinkleyParams(DEFAULT_MIN_INSTANCES, DEFAULT_DELTA, DEFAULT_LAMBDA, DEFAULT_ALPHA);
    }

    @Override
    public DetectorId id() {
        return DetectorId.PAGE_HINKLEY;
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(minInstances);
        out.writeDouble(delta);
        out.writeDouble(lambda);
        out.writeDouble(alpha);
    }

    static PageHinkleyParams read(DataInput in) throws IOException {
        return new PageHinkleyParams(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble());
    }
}
