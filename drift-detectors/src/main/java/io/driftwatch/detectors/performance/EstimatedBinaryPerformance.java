package io.driftwatch.detectors.performance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binary performance estimated from scores alone (no labels), valid only if the scores are calibrated:
 * each example is positive with probability equal to its score. The expected confusion counts are exact
 * expectations under that assumption (E[TP] = sum of s over s &gt;= t, E[FP] = sum of 1 - s over s &gt;= t,
 * E[FN] = sum of s over s &lt; t, E[TN] = sum of 1 - s over s &lt; t). Accuracy is the exact expectation
 * (E[TP] + E[TN]) / n; precision, recall and F1 are ratios of expected counts (plug-in, as NannyML's
 * CBPE), with 0 where a denominator is 0, and not the expectation of the ratios. NaN when empty.
 */
public record EstimatedBinaryPerformance(
        double expectedTp,
        double expectedFp,
        double expectedFn,
        double expectedTn,
        double accuracy,
        double precision,
        double recall,
        double f1) {

    /** Always true: these numbers are estimates, never measurements. */
    public boolean estimated() {
        return true;
    }

    static EstimatedBinaryPerformance of(double tp, double fp, double fn, double tn) {
        double n = tp + fp + fn + tn;
        if (n == 0) {
            return new EstimatedBinaryPerformance(0, 0, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new EstimatedBinaryPerformance(tp, fp, fn, tn, (tp + tn) / n, ratio(tp, tp + fp),
                ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn));
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0.0 : numerator / denominator;
    }

    /**
     * JSON-ready view: {@code estimated: true}, accuracy, precision, recall, f1 and
     * {@code expected_confusion_matrix} as {@code [[tn, fp], [fn, tp]]}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("estimated", true);
        map.put(MetricName.ACCURACY.key(), accuracy);
        map.put(MetricName.PRECISION.key(), precision);
        map.put(MetricName.RECALL.key(), recall);
        map.put(MetricName.F1.key(), f1);
        map.put("expected_" + MetricName.CONFUSION_MATRIX.key(),
                new double[][] {{expectedTn, expectedFp}, {expectedFn, expectedTp}});
        return map;
    }
}
