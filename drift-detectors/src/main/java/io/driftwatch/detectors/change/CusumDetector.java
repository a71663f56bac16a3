package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** One-sided CUSUM: {@code sum = max(0, sum + x - mean - delta)}. See {@link CumulativeSumDetector}. */
final class CusumDetector extends CumulativeSumDetector {

    private final CusumParams params;

    CusumDetector(CusumParams params) {
        this.params = params;
    }

    @Override
    public CusumParams params() {
        return params;
    }

    @Override
    int minInstances() {
        return params.minInstances();
    }

    @Override
    double delta() {
        return params.delta();
    }

    @Override
    double lambda() {
        return params.lambda();
    }

    @Override
    double accumulate(double previousSum, double value, double mean) {
        return Math.max(0, previousSum + value - mean - params.delta());
    }

    @Override
    void writeBody(DataOutput out) throws IOException {
        params.write(out);
        writeState(out);
    }

    static CusumDetector read(DataInput in) throws IOException {
        CusumDetector d = new CusumDetector(CusumParams.read(in));
        d.readState(in);
        return d;
    }
}
