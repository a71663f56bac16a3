package io.driftwatch.detectors.performance;

import java.nio.ByteBuffer;

/**
 * Equal-width histogram of scores on [0, 1] per class (positives, negatives, and the sum of scores per bin).
 * Bin b holds scores in [b/R, (b+1)/R), the last bin also 1.0. Size is fixed by the resolution R, whatever
 * the number of observations. Ranking metrics and adaptive ECE computed from it carry error bounds that
 * come only from the unknown order of scores sharing a bin.
 */
final class ScoreHistogram {
    private final int resolution;
    private final long[] positives;
    private final long[] negatives;
    private final double[] scoreSums;

    ScoreHistogram(int resolution) {
        if (resolution < 1) {
            throw new IllegalArgumentException("histogram resolution must be positive, got " + resolution);
        }
        this.resolution = resolution;
        this.positives = new long[resolution];
        this.negatives = new long[resolution];
        this.scoreSums = new double[resolution];
    }

    int resolution() {
        return resolution;
    }

    private int binOf(double score) {
        // Rounding of score * R is monotone, so bins preserve score order.
        return Math.min((int) (score * resolution), resolution - 1);
    }

    void add(double score, int label) {
        int bin = binOf(score);
        if (label == 1) {
            positives[bin]++;
        } else {
            negatives[bin]++;
        }
        scoreSums[bin] += score;
    }

    void merge(ScoreHistogram other) {
        if (resolution != other.resolution) {
            throw new IllegalArgumentException(
                    "cannot merge histograms of resolution " + resolution + " and " + other.resolution);
        }
        for (int b = 0; b < resolution; b++) {
            positives[b] += other.positives[b];
            negatives[b] += other.negatives[b];
            scoreSums[b] += other.scoreSums[b];
        }
    }

    ScoreHistogram copy() {
        ScoreHistogram copy = new ScoreHistogram(resolution);
        System.arraycopy(positives, 0, copy.positives, 0, resolution);
        System.arraycopy(negatives, 0, copy.negatives, 0, resolution);
        System.arraycopy(scoreSums, 0, copy.scoreSums, 0, resolution);
        return copy;
    }

    long total() {
        long total = 0;
        for (int b = 0; b < resolution; b++) {
            total += positives[b] + negatives[b];
        }
        return total;
    }

    /** Groups for the ranking metrics; shares this histogram's arrays, so use before the next add. */
    ScoreGroups groups() {
        return new ScoreGroups(positives, negatives);
    }

    /**
     * Adaptive ECE with {@code groupCount} equal-mass groups, sizes as {@code np.array_split} (the first
     * N mod B groups get one extra item). A group that takes only part of a bin is assumed to get the
     * bin's average label and score. Bound: for such a part of k items from a bin with p positives and q
     * negatives, the true label count lies in [max(0, k - q), min(k, p)] (which contains the assumed
     * k p / (p + q)) and the true score sum within k times the bin width of the assumed one; each group's
     * term |labels - scores| / N moves by at most those amounts over N. Bins wholly inside a group are exact.
     */
    ApproximateValue adaptiveCalibrationError(int groupCount) {
        long total = total();
        if (total == 0) {
            return new ApproximateValue(Double.NaN, Double.NaN);
        }
        double width = 1.0 / resolution;
        double error = 0.0;
        double bound = 0.0;
        int bin = 0;
        long takenFromBin = 0;
        for (int g = 0; g < groupCount; g++) {
            long need = total / groupCount + (g < total % groupCount ? 1 : 0);
            double labels = 0.0;
            double scores = 0.0;
            while (need > 0) {
                long inBin = positives[bin] + negatives[bin];
                long k = Math.min(need, inBin - takenFromBin);
                if (k == inBin) {
                    labels += positives[bin];
                    scores += scoreSums[bin];
                } else if (k > 0) {
                    double share = (double) k / inBin;
                    labels += share * positives[bin];
                    scores += share * scoreSums[bin];
                    bound += Math.min(k, positives[bin]) - Math.max(0, k - negatives[bin]) + k * width;
                }
                need -= k;
                takenFromBin += k;
                if (takenFromBin == inBin) {
                    bin++;
                    takenFromBin = 0;
                }
            }
            error += Math.abs(labels - scores);
        }
        return new ApproximateValue(error / total, bound / total);
    }

    int encodedSize() {
        int nonEmpty = 0;
        for (int b = 0; b < resolution; b++) {
            if (positives[b] + negatives[b] > 0) {
                nonEmpty++;
            }
        }
        return 2 * Integer.BYTES + nonEmpty * (Integer.BYTES + 2 * Long.BYTES + Double.BYTES);
    }

    /** Sparse: resolution, number of non-empty bins, then (index, positives, negatives, score sum) each. */
    void write(ByteBuffer out) {
        int nonEmpty = 0;
        for (int b = 0; b < resolution; b++) {
            if (positives[b] + negatives[b] > 0) {
                nonEmpty++;
            }
        }
        out.putInt(resolution).putInt(nonEmpty);
        for (int b = 0; b < resolution; b++) {
            if (positives[b] + negatives[b] > 0) {
                out.putInt(b).putLong(positives[b]).putLong(negatives[b]).putDouble(scoreSums[b]);
            }
        }
    }

    static ScoreHistogram read(ByteBuffer in, int maxResolution) {
        int resolution = in.getInt();
        if (resolution < 1 || resolution > maxResolution) {
            throw new IllegalArgumentException("histogram resolution out of range: " + resolution);
        }
        ScoreHistogram histogram = new ScoreHistogram(resolution);
        int nonEmpty = in.getInt();
        if (nonEmpty < 0 || nonEmpty > resolution) {
            throw new IllegalArgumentException("histogram has " + nonEmpty + " non-empty bins of " + resolution);
        }
        int previous = -1;
        for (int i = 0; i < nonEmpty; i++) {
            int b = in.getInt();
            if (b <= previous || b >= resolution) {
                throw new IllegalArgumentException("histogram bin index out of order: " + b);
            }
            previous = b;
            histogram.positives[b] = in.getLong();
            histogram.negatives[b] = in.getLong();
            histogram.scoreSums[b] = in.getDouble();
            if (histogram.positives[b] < 0 || histogram.negatives[b] < 0) {
                throw new IllegalArgumentException("histogram bin " + b + " has a negative count");
            }
        }
        return histogram;
    }
}
