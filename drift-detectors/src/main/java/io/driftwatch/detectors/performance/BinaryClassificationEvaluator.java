package io.driftwatch.detectors.performance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Exact calibration and performance metrics of a binary classifier on raw arrays: the ground truth for the
 * {@code evaluate} CLI and for the streaming accumulator. Each metric matches sklearn 1.2 (see
 * {@link BinaryClassificationMetrics}): ECE/MCE on {@code calibration_curve(n_bins=10, strategy='uniform')}
 * bins, {@code brier_score_loss}, {@code log_loss(eps=1e-15)}, {@code roc_auc_score},
 * {@code average_precision_score}, and precision/recall/F1/accuracy with {@code zero_division=0} on
 * predictions {@code score >= threshold}.
 *
 * <p>Adaptive ECE: scores sorted ascending (stable, so ties keep input order, as
 * {@code np.argsort(kind='stable')}), split into 10 groups the way {@code np.array_split} does (the first
 * N mod 10 groups one larger; empty groups when N &lt; 10 are skipped), and
 * ACE = sum_g (n_g / N) |mean label_g - mean score_g|.
 */
public final class BinaryClassificationEvaluator {
    /** Default number of reliability bins (ECE, MCE) and of equal-mass groups (adaptive ECE). */
    public static final int DEFAULT_BINS = ReliabilityHistogram.DEFAULT_BINS;

    private BinaryClassificationEvaluator() {}

    /**
     * @param scores predicted probabilities of class 1, each in [0, 1]
     * @param labels true classes, each 0 or 1, same length as scores, not empty
     * @param threshold decision threshold in [0, 1]; predict 1 when score &gt;= threshold
     * @throws IllegalArgumentException on empty or mismatched arrays, a score outside [0, 1] or NaN, a label
     *     other than 0/1, or a threshold outside [0, 1]
     */
    public static BinaryClassificationMetrics evaluate(double[] scores, int[] labels, double threshold) {
        return evaluate(scores, labels, threshold, DEFAULT_BINS);
    }

    /**
     * As {@link #evaluate(double[], int[], double)} with {@code bins} equal-width reliability bins (as
     * {@code calibration_curve(n_bins=bins)}) and as many equal-mass groups for adaptive ECE.
     *
     * @throws IllegalArgumentException also when bins is outside [1, 1000]
     */
    public static BinaryClassificationMetrics evaluate(double[] scores, int[] labels, double threshold, int bins) {
        Checks.requireSameNonZeroLength(scores.length, labels.length, "scores", "labels");
        BinaryTally tally = new BinaryTally(threshold, bins);
        for (int i = 0; i < scores.length; i++) {
            Checks.requireScore(scores[i]);
            Checks.requireBinaryLabel(labels[i]);
            tally.add(scores[i], labels[i]);
        }
        int[] ascending = IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble(i -> scores[i] + 0.0)) // + 0.0 ties -0.0 with 0.0, as numpy
                .mapToInt(Integer::intValue).toArray();
        ScoreGroups groups = tiedGroups(scores, labels, ascending);
        return BinaryClassificationMetrics.of(tally, adaptiveCalibrationError(scores, labels, ascending, bins),
                groups.rocAucTied(), groups.averagePrecisionTied());
    }

    /** One group per distinct score, ascending. */
    private static ScoreGroups tiedGroups(double[] scores, int[] labels, int[] ascending) {
        long[] positives = new long[ascending.length];
        long[] negatives = new long[ascending.length];
        int group = -1;
        double previous = Double.NaN;
        for (int i : ascending) {
            if (group < 0 || scores[i] != previous) {
                group++;
                previous = scores[i];
            }
            positives[group] += labels[i];
            negatives[group] += 1 - labels[i];
        }
        return new ScoreGroups(Arrays.copyOf(positives, group + 1), Arrays.copyOf(negatives, group + 1));
    }

    private static double adaptiveCalibrationError(double[] scores, int[] labels, int[] ascending, int groups) {
        int n = ascending.length;
        double sum = 0.0;
        int start = 0;
        for (int g = 0; g < groups; g++) {
            int size = n / groups + (g < n % groups ? 1 : 0);
            double labelSum = 0.0;
            double scoreSum = 0.0;
            for (int j = start; j < start + size; j++) {
                labelSum += labels[ascending[j]];
                scoreSum += scores[ascending[j]];
            }
            if (size > 0) {
                sum += (double) size / n * Math.abs(labelSum / size - scoreSum / size);
            }
            start += size;
        }
        return sum;
    }
}
