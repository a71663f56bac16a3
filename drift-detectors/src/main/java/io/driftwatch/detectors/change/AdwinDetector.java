package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * ADWIN change detector over any finite values (0/1 errors or reals). Every
 * {@link AdwinWindow#CHECK_PERIOD} inputs the window drops its oldest part while two sub-windows
 * have significantly different means (see {@link AdwinWindow}).
 *
 * <p>As MOA's ADWINChangeDetector, a shrink is reported as {@link Signal#CHANGE} only when the
 * window mean went up (the monitored error rate or value increased); a shrink after a decrease
 * adapts the window silently. There is no warning and no explicit reset: the shrunk window is the
 * new state.
 */
final class AdwinDetector extends BaseDetector {

    private final AdwinParams params;
    private final AdwinWindow window = new AdwinWindow();

    AdwinDetector(AdwinParams params) {
        this.params = params;
    }

    @Override
    public AdwinParams params() {
        return params;
    }

    /** Current window length (number of values ADWIN keeps). */
    int windowLength() {
        return window.width();
    }

    /** Current number of buckets (logarithmic in the window length). */
    int bucketCount() {
        return window.bucketCount();
    }

    @Override
    void checkDomain(double value) {
        // any finite value
    }

    @Override
    Signal step(double value) {
        double meanBefore = window.mean();
        boolean shrunk = window.add(value, params.delta());
        return shrunk && window.mean() > meanBefore ? Signal.CHANGE : Signal.NONE;
    }

    @Override
    void writeBody(DataOutput out) throws IOException {
        params.write(out);
        window.write(out);
    }

    static AdwinDetector read(DataInput in) throws IOException {
        AdwinDetector d = new AdwinDetector(AdwinParams.read(in));
        d.window.read(in);
        return d;
    }
}
