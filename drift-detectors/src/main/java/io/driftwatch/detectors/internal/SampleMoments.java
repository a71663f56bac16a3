package io.driftwatch.detectors.internal;

/**
 * Mean and sum of squared deviations of a raw sample, computed the way numpy's {@code mean} and {@code var} do
 * before dividing (two passes, sequential sums), so results compare with scipy/numpy references.
 */
public final class SampleMoments {

    private SampleMoments() {}

    public static double mean(double[] values) {
        double sum = 0.0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sum of squared deviations from {@code mean}. */
    public static double sumOfSquaredDeviations(double[] values, double mean) {
        double sum = 0.0;
        for (double v : values) {
            double d = v - mean;
            sum += d * d;
        }
        return sum;
    }

    /** Population standard deviation (ddof 0), as {@code np.std}. */
    public static double populationStd(double[] values) {
        return Math.sqrt(sumOfSquaredDeviations(values, mean(values)) / values.length);
    }
}
