package io.driftwatch.detectors.performance;

import java.nio.ByteBuffer;

/**
 * The exact, bounded part of binary-classification state: reliability bins (ECE, MCE), the sums behind the
 * Brier score and log loss, and confusion counts at a fixed threshold. Shared by the batch evaluator and the
 * streaming accumulator so both compute these metrics identically.
 */
final class BinaryTally {
    /**
     * Log-loss clipping: probabilities are clipped to [EPS, 1 - EPS] so a confident wrong answer costs
     * -ln(1e-15) ~ 34.5 instead of infinity. 1e-15 was sklearn's historical default for {@code log_loss(eps=)}.
     */
    static final double LOG_LOSS_EPS = 1e-15;

    private final double threshold;
    private final ReliabilityHistogram reliability;
    private double squaredErrorSum;
    private double logLossSum;
    private long tn;
    private long fp;
    private long fn;
    private long tp;

    BinaryTally(double threshold, int reliabilityBins) {
        this(threshold, new ReliabilityHistogram(reliabilityBins));
    }

    private BinaryTally(double threshold, ReliabilityHistogram reliability) {
        Checks.requireThreshold(threshold);
        this.threshold = threshold;
        this.reliability = reliability;
    }

    double threshold() {
        return threshold;
    }

    void add(double score, int label) {
        reliability.add(score, label);
        double error = label - score;
        squaredErrorSum += error * error;
        double clipped = Math.max(LOG_LOSS_EPS, Math.min(1.0 - LOG_LOSS_EPS, score));
        logLossSum -= Math.log(label == 1 ? clipped : 1.0 - clipped);
        boolean predictedPositive = score >= threshold;
        if (label == 1) {
            if (predictedPositive) {
                tp++;
            } else {
                fn++;
            }
        } else if (predictedPositive) {
            fp++;
        } else {
            tn++;
        }
    }

    void merge(BinaryTally other) {
        if (Double.compare(threshold, other.threshold) != 0) {
            throw new IllegalArgumentException(
                    "cannot merge states with different thresholds: " + threshold + " vs " + other.threshold);
        }
        reliability.merge(other.reliability);
        squaredErrorSum += other.squaredErrorSum;
        logLossSum += other.logLossSum;
        tn += other.tn;
        fp += other.fp;
        fn += other.fn;
        tp += other.tp;
    }

    BinaryTally copy() {
        BinaryTally copy = new BinaryTally(threshold, reliability.copy());
        copy.squaredErrorSum = squaredErrorSum;
        copy.logLossSum = logLossSum;
        copy.tn = tn;
        copy.fp = fp;
        copy.fn = fn;
        copy.tp = tp;
        return copy;
    }

    long count() {
        return tn + fp + fn + tp;
    }

    ConfusionMatrix confusion() {
        return new ConfusionMatrix(tn, fp, fn, tp);
    }

    ReliabilityHistogram reliability() {
        return reliability;
    }

    /** Mean squared error of the scores against 0/1 labels; NaN when empty. */
    double brier() {
        return count() == 0 ? Double.NaN : squaredErrorSum / count();
    }

    /** Mean negative log-likelihood with clipping at {@link #LOG_LOSS_EPS}; NaN when empty. */
    double logLoss() {
        return count() == 0 ? Double.NaN : logLossSum / count();
    }

    int encodedSize() {
        return Double.BYTES * 3 + Long.BYTES * 4 + reliability.encodedSize();
    }

    void write(ByteBuffer out) {
        out.putDouble(threshold).putDouble(squaredErrorSum).putDouble(logLossSum);
        out.putLong(tn).putLong(fp).putLong(fn).putLong(tp);
        reliability.write(out);
    }

    static BinaryTally read(ByteBuffer in) {
        double threshold = in.getDouble();
        double squaredErrorSum = in.getDouble();
        double logLossSum = in.getDouble();
        long tn = in.getLong();
        long fp = in.getLong();
        long fn = in.getLong();
        long tp = in.getLong();
        BinaryTally tally = new BinaryTally(threshold, ReliabilityHistogram.read(in));
        tally.squaredErrorSum = squaredErrorSum;
        tally.logLossSum = logLossSum;
        tally.tn = tn;
        tally.fp = fp;
        tally.fn = fn;
        tally.tp = tp;
        if (tally.tn < 0 || tally.fp < 0 || tally.fn < 0 || tally.tp < 0
                || tally.reliability.total() != tally.count()) {
            throw new IllegalArgumentException("binary tally encoding has inconsistent counts");
        }
        return tally;
    }
}
