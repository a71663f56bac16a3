package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * EDDM (Baena-García et al. 2006) over a 0/1 error stream: tracks the mean and std of the distance
 * between consecutive errors and compares mean + 2·std with its running maximum; a ratio below
 * {@code warningRatio} warns, below {@code driftRatio} signals a change.
 *
 * <p>As in MOA: only errors (value 1) update the statistics and the signal; a correct prediction
 * (value 0) repeats the last warning state. The test applies only once more than
 * {@code minInstances} inputs and more than {@code minErrors} errors were seen since the reset,
 * and the maximum is only recorded after {@code minInstances} inputs. After a change the
 * statistics restart with the next input.
 */
final class EddmDetector extends BaseDetector {

    private final EddmParams params;
    /** MOA-style counter: 1 + inputs since the last reset. */
    private int count;
    private int errors;
    private int lastErrorAt;
    private int previousErrorAt;
    private double meanDistance;
    private double distanceSquares;
    private double maxMeanPlusTwoStd;
    private boolean warning;
    private boolean resetPending;

    /** EDDM compares mean + this many standard deviations (paper, eq. for p'_i + 2 s'_i). */
    private static final double STD_MULTIPLIER = 2.0;

    EddmDetector(EddmParams params) {
        this.params = params;
        reset();
    }

    private void reset() {
        count = 1;
        errors = 0;
        lastErrorAt = 0;
        previousErrorAt = 0;
        meanDistance = 0;
        distanceSquares = 0;
        maxMeanPlusTwoStd = 0;
        resetPending = false;
    }

    @Override
    public EddmParams params() {
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
        count++;
        if (error == 1.0) {
            warning = false;
            errors++;
            previousErrorAt = lastErrorAt;
            lastErrorAt = count - 1;
            int distance = lastErrorAt - previousErrorAt;
            double oldMean = meanDistance;
            meanDistance += (distance - meanDistance) / errors;
            distanceSquares += (distance - meanDistance) * (distance - oldMean);
            double level = meanDistance + STD_MULTIPLIER * Math.sqrt(distanceSquares / errors);
            boolean tested = count > params.minInstances() && errors > params.minErrors();
            if (level > maxMeanPlusTwoStd) {
                if (count > params.minInstances()) {
                    maxMeanPlusTwoStd = level;
                }
            } else {
                double ratio = level / maxMeanPlusTwoStd;
                if (tested && ratio < params.driftRatio()) {
                    resetPending = true;
                    return Signal.CHANGE;
                }
                warning = tested && ratio < params.warningRatio();
            }
        }
        return warning ? Signal.WARNING : Signal.NONE;
    }

    @Override
    void writeBody(DataOutput out) throws IOException {
        params.write(out);
        out.writeInt(count);
        out.writeInt(errors);
        out.writeInt(lastErrorAt);
        out.writeInt(previousErrorAt);
        out.writeDouble(meanDistance);
        out.writeDouble(distanceSquares);
        out.writeDouble(maxMeanPlusTwoStd);
        out.writeBoolean(warning);
        out.writeBoolean(resetPending);
    }

    static EddmDetector read(DataInput in) throws IOException {
        EddmDetector d = new EddmDetector(EddmParams.read(in));
        d.count = in.readInt();
        d.errors = in.readInt();
        d.lastErrorAt = in.readInt();
        d.previousErrorAt = in.readInt();
        d.meanDistance = in.readDouble();
        d.distanceSquares = in.readDouble();
        d.maxMeanPlusTwoStd = in.readDouble();
        d.warning = StateCodec.bool(in.readByte());
        d.resetPending = StateCodec.bool(in.readByte());
        return d;
    }
}
