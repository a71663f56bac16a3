package io.driftwatch.detectors.performance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calibration and performance of a binary classifier over one window or data set. From
 * {@link BinaryClassificationEvaluator} every value is exact; from {@link BinaryClassificationAccumulator}
 * rocAuc, averagePrecision and ace are histogram approximations (bounds via the accumulator). Undefined values
 * are NaN: everything when empty, rocAuc and averagePrecision when only one class is present.
 *
 * @param ece expected calibration error over the 10 reliability bins
 * @param mce maximum calibration error over the non-empty reliability bins
 * @param ace adaptive (equal-mass, 10 groups) calibration error
 * @param brier mean squared error of the scores
 * @param logLoss mean negative log-likelihood, probabilities clipped to [1e-15, 1 - 1e-15]
 * @param confusionMatrix counts at the threshold (predict 1 when score &gt;= threshold)
 * @param reliability the 10 reliability bins, empty ones included
 */
public record BinaryClassificationMetrics(
        double ece,
        double mce,
        double ace,
        double brier,
        double logLoss,
        double rocAuc,
        double averagePrecision,
        double precision,
        double recall,
        double f1,
        double accuracy,
        ConfusionMatrix confusionMatrix,
        List<ReliabilityBin> reliability) {

    public BinaryClassificationMetrics {
        reliability = List.copyOf(reliability);
    }

    /** JSON-ready view keyed by {@link MetricName#key()}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(MetricName.ECE.key(), ece);
        map.put(MetricName.MCE.key(), mce);
        map.put(MetricName.ACE.key(), ace);
        map.put(MetricName.BRIER.key(), brier);
        map.put(MetricName.LOG_LOSS.key(), logLoss);
        map.put(MetricName.ROC_AUC.key(), rocAuc);
        map.put(MetricName.AVERAGE_PRECISION.key(), averagePrecision);
        map.put(MetricName.PRECISION.key(), precision);
        map.put(MetricName.RECALL.key(), recall);
        map.put(MetricName.F1.key(), f1);
        map.put(MetricName.ACCURACY.key(), accuracy);
        map.put(MetricName.CONFUSION_MATRIX.key(), confusionMatrix.toNestedArray());
        map.put(MetricName.RELIABILITY.key(), reliability.stream().map(ReliabilityBin::toMap).toList());
        return map;
    }

    static BinaryClassificationMetrics of(BinaryTally tally, double ace, double rocAuc, double averagePrecision) {
        ConfusionMatrix confusion = tally.confusion();
        boolean empty = tally.count() == 0;
        return new BinaryClassificationMetrics(
                tally.reliability().expectedCalibrationError(),
                tally.reliability().maximumCalibrationError(),
                ace,
                tally.brier(),
                tally.logLoss(),
                rocAuc,
                averagePrecision,
                empty ? Double.NaN : confusion.precision(),
                empty ? Double.NaN : confusion.recall(),
                empty ? Double.NaN : confusion.f1(),
                confusion.accuracy(),
                confusion,
                tally.reliability().bins());
    }
}
