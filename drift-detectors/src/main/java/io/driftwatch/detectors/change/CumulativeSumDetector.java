package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Shared skeleton of Page-Hinkley and CUSUM: accumulate the deviation {@code x - mean - delta} of
 * each value from the running mean (mean updated first, as in MOA) and signal a change when the
 * accumulated sum exceeds {@code lambda}. Only increases of the mean are detected. As in MOA, a
 * change may be signalled once the internal count (inputs since reset, plus one) reaches
 * {@code minInstances}, and after a change the statistics restart with the next input.
 * Any finite value is accepted; these detectors never warn.
 */
abstract class CumulativeSumDetector extends BaseDetector {

    /** MOA-style counter: 1 + inputs since the last reset. */
    private int count;
    private double mean;
    private double sum;
    private boolean resetPending;

    CumulativeSumDetector() {
        reset();
    }

    private void reset() {
        count = 1;
        mean = 0;
        sum = 0;
        resetPending = false;
    }

    abstract int minInstances();

    abstract double delta();

    abstract double lambda();

    /** The next cumulative sum given the previous one, the new value and the updated running mean. */
    abstract double accumulate(double previousSum, double value, double mean);

    @Override
    final void checkDomain(double value) {
        // any finite value
    }

    @Override
    final Signal step(double value) {
        if (resetPending) {
            reset();
        }
        mean += (value - mean) / count;
        sum = accumulate(sum, value, mean);
        count++;
        if (count < minInstances() || !(sum > lambda())) {
            return Signal.NONE;
        }
        resetPending = true;
        return Signal.CHANGE;
    }

    final void writeState(DataOutput out) throws IOException {
        out.writeInt(count);
        out.writeDouble(mean);
        out.writeDouble(sum);
        out.writeBoolean(resetPending);
    }

    final void readState(DataInput in) throws IOException {
        count = in.readInt();
        mean = in.readDouble();
        sum = in.readDouble();
        resetPending = StateCodec.bool(in.readByte());
    }
}
