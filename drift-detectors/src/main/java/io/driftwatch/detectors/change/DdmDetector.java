package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * DDM (Gama et al. 2004) over a 0/1 error stream: tracks the running error rate p and its std
 * s = sqrt(p(1-p)/n), remembers the point where p + s was smallest, and warns / signals a change
 * when p + s exceeds p_min + warningLevel·s_min / p_min + outControlLevel·s_min.
 *
 * <p>As in MOA: the test starts once the internal count (inputs since reset, plus one) reaches
 * {@code minInstances}, i.e. from the {@code minInstances-1}-th input on; after a change, the
 * statistics restart with the next input. Inputs must be exactly 0 or 1.
 */
final class DdmDetector extends BaseDetector {

    private final DdmParams params;
    /** MOA-style counter: 1 + inputs since the last reset. */
    private int count;
    private double errorRate;
    private double std;
    private double minRatePlusStd;
    private double minRate;
    private double minStd;
    private boolean resetPending;

    DdmDetector(DdmParams params) {
        this.params = params;
        reset();
    }

    private void reset() {
        count = 1;
        errorRate = 1;
        std = 0;
        minRatePlusStd = Double.MAX_VALUE;
        minRate = Double.MAX_VALUE;
        minStd = Double.MAX_VALUE;
        resetPending = false;
    }

    @Override
    public DdmParams params() {
        return params;
    }

    @Override
    void checkDomain(double value) {
        Checks.binaryValue(id(), value);
    }

    @Override
    Signal step(double error) {
        if (resetPending) {
            reset();
        }
        errorRate += (error - errorRate) / count;
        std = Math.sqrt(errorRate * (1 - errorRate) / count);
        count++;
        if (count < params.minInstances()) {
            return Signal.NONE;
        }
        double level = errorRate + std;
        if (level <= minRatePlusStd) {
            minRate = errorRate;
            minStd = std;
            minRatePlusStd = level;
        }
        if (level > minRate + params.outControlLevel() * minStd) {
            resetPending = true;
            return Signal.CHANGE;
        }
        return level > minRate + params.warningLevel() * minStd ? Signal.WARNING : Signal.NONE;
    }

    @Override
    void writeBody(DataOutput out) throws IOException {
        params.write(out);
        out.writeInt(count);
        out.writeDouble(errorRate);
        out.writeDouble(std);
        out.writeDouble(minRatePlusStd);
        out.writeDouble(minRate);
        out.writeDouble(minStd);
        out.writeBoolean(resetPending);
    }

    static DdmDetector read(DataInput in) throws IOException {
        DdmDetector d = new DdmDetector(DdmParams.read(in));
        d.count = in.readInt();
        d.errorRate = in.readDouble();
        d.std = in.readDouble();
        d.minRatePlusStd = in.readDouble();
        d.minRate = in.readDouble();
        d.minStd = in.readDouble();
        d.resetPending = StateCodec.bool(in.readByte());
        return d;
    }
}
