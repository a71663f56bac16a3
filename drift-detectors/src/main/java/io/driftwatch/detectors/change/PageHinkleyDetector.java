package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Page-Hinkley with fading factor: {@code sum = alpha·sum + (x - mean - delta)}. See {@link CumulativeSumDetector}. */
final class PageHinkleyDetector extends CumulativeSumDetector {

    private final PageHinkleyParams params;

    PageHinkleyDetector(PageHinkleyParams params) {
        this.params = params;
    }

    @Override
    public PageHinkleyParams params() {
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
        return params.alpha() * previousSum + (value - mean - params.delta());
    }

    @Override
    void writeBody(DataOutput out) throws IOException {
        params.write(out);
        writeState(out);
    }

    static PageHinkleyDetector read(DataInput in) throws IOException {
        PageHinkleyDetector d = new PageHinkleyDetector(PageHinkleyParams.read(in));
        d.readState(in);
        return d;
    }
}
