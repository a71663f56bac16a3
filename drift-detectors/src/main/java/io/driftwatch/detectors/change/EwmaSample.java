package io.driftwatch.detectors.change;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An exponentially weighted mean of values in [0, 1] together with the sum of squared weights
 * (the "independent bounded condition sum" of Frías-Blanco et al. 2015), which scales the
 * Hoeffding/McDiarmid bound of the weighted mean.
 */
final class EwmaSample {

    /** Marks a sample that has seen no value; inputs are in [0, 1], so a negative mean cannot occur. */
    private static final double EMPTY = -1.0;

    private double mean = EMPTY;
    private double squaredWeightSum;

    boolean isEmpty() {
        return mean < 0;
    }

    double mean() {
        return mean;
    }

    double squaredWeightSum() {
        return squaredWeightSum;
    }

    void clear() {
        mean = EMPTY;
        squaredWeightSum = 0;
    }

    void copyFrom(EwmaSample other) {
        mean = other.mean;
        squaredWeightSum = other.squaredWeightSum;
    }

    /** Adds a value with weight lambda; the first value gets weight 1. */
    void add(double value, double lambda) {
        if (isEmpty()) {
            mean = value;
            squaredWeightSum = 1;
        } else {
            double decay = 1.0 - lambda;
            mean = lambda * value + decay * mean;
            squaredWeightSum = lambda * lambda + decay * decay * squaredWeightSum;
        }
    }

    /** Half-width of the bound on this mean at the given confidence: sqrt(sum w² · ln(1/conf) / 2). */
    double bound(double confidence) {
        return Math.sqrt(squaredWeightSum * Math.log(1.0 / confidence) / 2);
    }

    void write(DataOutput out) throws IOException {
        out.writeDouble(mean);
        out.writeDouble(squaredWeightSum);
    }

    void read(DataInput in) throws IOException {
        mean = in.readDouble();
        squaredWeightSum = in.readDouble();
        if (!(mean == EMPTY || (mean >= 0 && mean <= 1)) || !(squaredWeightSum >= 0)) {
            throw new IllegalArgumentException("corrupt hddm_w state: EWMA " + mean + ", weight sum " + squaredWeightSum);
        }
    }
}
