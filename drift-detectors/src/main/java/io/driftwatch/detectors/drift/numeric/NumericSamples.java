package io.driftwatch.detectors.drift.numeric;

import io.driftwatch.detectors.internal.DoubleSort;
import java.util.Arrays;

/** Input checks and small helpers shared by the numeric tests. */
final class NumericSamples {

    static final String REFERENCE = "reference";
    static final String CURRENT = "current";

    private NumericSamples() {}

    /**
     * Checks both samples: non-null, non-empty, finite.
     *
     * @throws IllegalArgumentException naming the sample ({@code reference} or {@code current}) and the problem
     */
    static void requireUsable(double[] reference, double[] current) {
        requireUsable(REFERENCE, reference);
        requireUsable(CURRENT, current);
    }

    /** As {@link #requireUsable(double[], double[])} and both samples have at least {@code min} values. */
    static void requireUsable(double[] reference, double[] current, int min, String testName) {
        requireUsable(reference, current);
        requireSize(REFERENCE, reference, min, testName);
        requireSize(CURRENT, current, min, testName);
    }

    private static void requireSize(String name, double[] values, int min, String testName) {
        if (values.length < min) {
            throw new IllegalArgumentException(testName + " needs at least " + min + " values in the " + name
                    + " sample, got " + values.length);
        }
    }

    private static void requireUsable(String name, double[] values) {
        if (values == null) {
            throw new IllegalArgumentException(name + " sample is null");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " sample is empty");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + " sample has the non-finite value " + values[i] + " at index "
                        + i + "; drop NaNs (counted as data quality) before drift testing");
            }
        }
    }

    /** A sorted copy; {@code -0.0} becomes {@code 0.0} so that it groups with {@code 0.0} as in numpy. */
    static double[] sortedCopy(double[] values) {
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i] + 0.0;
        }
        DoubleSort.sort(copy);
        return copy;
    }

    /** {@code reference} followed by {@code current}. */
    static double[] pooled(double[] reference, double[] current) {
        double[] all = Arrays.copyOf(reference, reference.length + current.length);
        System.arraycopy(current, 0, all, reference.length, current.length);
        return all;
    }

    static boolean allEqual(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }



    static double clipProbability(double p) {
        return Math.min(1.0, Math.max(0.0, p));
    }
}
