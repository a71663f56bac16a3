package io.driftwatch.detectors.performance;

/**
 * Exact multiclass metrics on raw arrays (classes are 0-based ints). The class count is the largest class
 * seen plus one; classes that appear in neither array do not enter macro F1, as in sklearn.
 */
public final class MulticlassEvaluator {
    private MulticlassEvaluator() {}

    /**
     * @throws IllegalArgumentException on empty or mismatched arrays, a negative class, or more than
     *     {@link MulticlassAccumulator#MAX_CLASSES} classes
     */
    public static MulticlassMetrics evaluate(int[] trueClasses, int[] predictedClasses) {
        Checks.requireSameNonZeroLength(trueClasses.length, predictedClasses.length, "trueClasses",
                "predictedClasses");
        int maxClass = 1;
        for (int i = 0; i < trueClasses.length; i++) {
            maxClass = Math.max(maxClass, Math.max(trueClasses[i], predictedClasses[i]));
        }
        if (maxClass >= MulticlassAccumulator.MAX_CLASSES) {
            throw new IllegalArgumentException("class " + maxClass + " exceeds the supported "
                    + MulticlassAccumulator.MAX_CLASSES + " classes");
        }
        MulticlassAccumulator accumulator = new MulticlassAccumulator(maxClass + 1);
        for (int i = 0; i < trueClasses.length; i++) {
            accumulator.add(trueClasses[i], predictedClasses[i]);
        }
        return accumulator.metrics();
    }

    /**
     * Predicts the argmax class of each probability row (first maximum on ties).
     *
     * @param probabilities one row per example, all rows of the same length (the class count)
     */
    public static MulticlassMetrics evaluate(int[] trueClasses, double[][] probabilities) {
        return evaluate(trueClasses, predictedClasses(probabilities));
    }

    static int[] predictedClasses(double[][] probabilities) {
        if (probabilities.length == 0) {
            throw new IllegalArgumentException("probabilities is empty");
        }
        int classCount = probabilities[0].length;
        int[] predicted = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            predicted[i] = MulticlassAccumulator.argmax(probabilities[i], classCount);
        }
        return predicted;
    }
}
