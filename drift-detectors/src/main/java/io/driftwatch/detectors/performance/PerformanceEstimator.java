package io.driftwatch.detectors.performance;

/**
 * Label-free performance estimates from calibrated scores (CBPE, as NannyML). Valid only when scores are
 * calibrated; check ECE on a labelled reference first. Expected calibration error is not offered: under the
 * calibration assumption it is 0 by construction.
 */
public final class PerformanceEstimator {
    private PerformanceEstimator() {}

    /**
     * Expected binary confusion counts and the ratios from them; see {@link EstimatedBinaryPerformance}.
     *
     * @throws IllegalArgumentException if scores is empty, a score is outside [0, 1], or the threshold is
     */
    public static EstimatedBinaryPerformance estimateBinary(double[] scores, double threshold) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("scores is empty");
        }
        ExpectedConfusionAccumulator accumulator = new ExpectedConfusionAccumulator(threshold);
        for (double score : scores) {
            accumulator.add(score);
        }
        return accumulator.estimate();
    }

    /**
     * Expected top-1 accuracy of a multiclass model with calibrated probability vectors: the mean over
     * examples of the probability of the predicted (argmax) class.
     *
     * @throws IllegalArgumentException if empty, rows differ in length, or an entry is outside [0, 1]
     */
    public static double estimateTop1Accuracy(double[][] probabilities) {
        int[] predicted = MulticlassEvaluator.predictedClasses(probabilities);
        double sum = 0.0;
        for (int i = 0; i < probabilities.length; i++) {
            for (double p : probabilities[i]) {
                Checks.requireScore(p);
            }
            sum += probabilities[i][predicted[i]];
        }
        return sum / probabilities.length;
    }
}
