package io.driftwatch.detectors.performance;

import org.apache.commons.math3.special.Gamma;

/**
 * Ranking metrics from positives/negatives counted per score group, groups in ascending score order. A group
 * is either one distinct score (exact: its members are tied) or one histogram bin (approximate: the order
 * inside the bin is unknown, which is where the error bounds come from).
 *
 * <p>ROC AUC is the Mann-Whitney probability P(s+ &gt; s-) + P(s+ = s-)/2, i.e. midranks for ties, as
 * sklearn's {@code roc_auc_score}. Average precision is sklearn's non-interpolated
 * {@code sum_k (R_k - R_{k-1}) P_k} over descending distinct thresholds. Both are NaN when only one class is
 * present (sklearn raises for AUC and returns 0 or 1 for AP; neither number is meaningful).
 */
final class ScoreGroups {
    /**
     * Up to this many positives in one group the AP lower bound is summed term by term; above, the harmonic
     * sum is taken from the digamma function (accurate to ~1e-12 relative, far below the bound itself).
     */
    static final long DIRECT_SUM_LIMIT = 4096;

    private final long[] positives;
    private final long[] negatives;
    private final double totalPositives;
    private final double totalNegatives;

    /** Arrays are used as given (not copied): groups in ascending score order. */
    ScoreGroups(long[] positives, long[] negatives) {
        this.positives = positives;
        this.negatives = negatives;
        long p = 0;
        long n = 0;
        for (int g = 0; g < positives.length; g++) {
            p += positives[g];
            n += negatives[g];
        }
        this.totalPositives = p;
        this.totalNegatives = n;
    }

    private boolean undefined() {
        return totalPositives == 0 || totalNegatives == 0;
    }

    /** ROC AUC treating each group as tied: sum_g pos_g (negatives below + neg_g / 2) / (P N). */
    double rocAucTied() {
        if (undefined()) {
            return Double.NaN;
        }
        double twiceConcordant = 0.0;
        double negativesBelow = 0.0;
        for (int g = 0; g < positives.length; g++) {
            twiceConcordant += positives[g] * (2.0 * negativesBelow + negatives[g]);
            negativesBelow += negatives[g];
        }
        return twiceConcordant / (2.0 * totalPositives * totalNegatives);
    }

    /**
     * Worst-case error of {@link #rocAucTied()} when groups are bins: only (positive, negative) pairs in the
     * same bin have unknown order; each is counted 1/2 but truly contributes 0, 1/2 or 1, so the error is at
     * most (1/2) sum_b pos_b neg_b / (P N).
     */
    double rocAucBinningBound() {
        if (undefined()) {
            return Double.NaN;
        }
        double sameBinPairs = 0.0;
        for (int g = 0; g < positives.length; g++) {
            sameBinPairs += (double) positives[g] * negatives[g];
        }
        return 0.5 * sameBinPairs / (totalPositives * totalNegatives);
    }

    /** Average precision treating each group as one tied threshold (exact when groups are distinct scores). */
    double averagePrecisionTied() {
        if (undefined()) {
            return Double.NaN;
        }
        double sum = 0.0;
        double tp = 0.0;
        double fp = 0.0;
        for (int g = positives.length - 1; g >= 0; g--) {
            tp += positives[g];
            fp += negatives[g];
            if (positives[g] > 0) {
                sum += positives[g] * (tp / (tp + fp));
            }
        }
        return sum / totalPositives;
    }

    /**
     * Average precision from bins, as the midpoint of the range AP can take over every order (ties
     * included) of the scores inside each bin. Bin b, entered with tp0 positives and fp0 negatives above it,
     * contributes (1/P) sum over its positives of the precision at the end of that positive's tie group:
     * at most pos_b (tp0 + pos_b) / (tp0 + pos_b + fp0) (all its positives tied, above its negatives) and at
     * least sum_{i=1..pos_b} (tp0 + i) / (tp0 + i + fp0 + neg_b) (every negative above every positive, no
     * ties). Counts at bin boundaries are exact, so the bins' ranges add up; the bound is half the total width.
     */
    ApproximateValue averagePrecisionFromBins() {
        if (undefined()) {
            return new ApproximateValue(Double.NaN, Double.NaN);
        }
        double lower = 0.0;
        double upper = 0.0;
        double tpAbove = 0.0;
        double fpAbove = 0.0;
        for (int g = positives.length - 1; g >= 0; g--) {
            long pos = positives[g];
            long neg = negatives[g];
            if (pos > 0) {
                upper += pos * ((tpAbove + pos) / (tpAbove + pos + fpAbove));
                lower += precisionSumNegativesFirst(tpAbove, fpAbove + neg, pos);
            }
            tpAbove += pos;
            fpAbove += neg;
        }
        lower /= totalPositives;
        upper /= totalPositives;
        return new ApproximateValue(0.5 * (lower + upper), 0.5 * (upper - lower));
    }

    /** sum_{i=1..count} (tp0 + i) / (tp0 + i + fpTotal) = count - fpTotal (H(tp0+fp+count) - H(tp0+fp)). */
    static double precisionSumNegativesFirst(double tp0, double fpTotal, long count) {
        if (fpTotal == 0) {
            return count;
        }
        if (count <= DIRECT_SUM_LIMIT) {
            double sum = 0.0;
            for (long i = 1; i <= count; i++) {
                sum += (tp0 + i) / (tp0 + i + fpTotal);
            }
            return sum;
        }
        double base = tp0 + fpTotal;
        double harmonicDifference = Gamma.digamma(base + count + 1) - Gamma.digamma(base + 1);
        return count - fpTotal * harmonicDifference;
    }
}
