package io.driftwatch.detectors.performance;

/** Exact regression metrics on raw arrays; see {@link RegressionAccumulator} for definitions and edge cases. */
public final class RegressionEvaluator {
    private RegressionEvaluator() {}

    /** @throws IllegalArgumentException on empty or mismatched arrays or a non-finite value */
    public static RegressionMetrics evaluate(double[] trueValues, double[] predictedValues) {
        Checks.requireSameNonZeroLength(trueValues.length, predictedValues.length, "trueValues", "predictedValues");
        RegressionAccumulator accumulator = new RegressionAccumulator();
        for (int i = 0; i < trueValues.length; i++) {
            accumulator.add(trueValues[i], predictedValues[i]);
        }
        return accumulator.metrics();
    }
}
