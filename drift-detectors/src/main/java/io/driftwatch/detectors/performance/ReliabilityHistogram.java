package io.driftwatch.detectors.performance;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The 10 equal-width reliability bins (count, sum of scores, number of positives per bin) from which ECE,
 * MCE and the reliability diagram are exact.
 *
 * <p>Binning reproduces sklearn's {@code calibration_curve(strategy='uniform')}: interior edges are
 * {@code np.linspace(0, 1, 11)[1:-1]}, i.e. {@code i * 0.1} in double arithmetic (so the third edge is
 * 0.30000000000000004), and a score goes to {@code np.searchsorted(edges, score)} (side 'left'): the number
 * of interior edges strictly below it. Bins are therefore right-closed: 0.1 falls in bin 0, 0.0 in bin 0 and
 * 1.0 in bin 9.
 */
final class ReliabilityHistogram {
    /** Number of reliability bins; 10 is the customary ECE setting (Guo et al. 2017 use 15, sklearn 5). */
    static final int BINS = 10;

    private static final double[] INTERIOR_EDGES = interiorEdges();

    private final long[] counts = new long[BINS];
    private final long[] positives = new long[BINS];
    private final double[] scoreSums = new double[BINS];

    private static double[] interiorEdges() {
        double step = 1.0 / BINS; // numpy linspace: step = (stop - start) / (num - 1), then i * step + start
        double[] edges = new double[BINS - 1];
        for (int i = 1; i < BINS; i++) {
            edges[i - 1] = i * step + 0.0;
        }
        return edges;
    }

    /** The bin of a score in [0, 1], as numpy's searchsorted on the interior edges. */
    static int binOf(double score) {
        int bin = 0;
        while (bin < INTERIOR_EDGES.length && INTERIOR_EDGES[bin] < score) {
            bin++;
        }
        return bin;
    }

    static double lowerEdge(int bin) {
        return bin == 0 ? 0.0 : INTERIOR_EDGES[bin - 1];
    }

    static double upperEdge(int bin) {
        return bin == BINS - 1 ? 1.0 : INTERIOR_EDGES[bin];
    }

    void add(double score, int label) {
        int bin = binOf(score);
        counts[bin]++;
        positives[bin] += label;
        scoreSums[bin] += score;
    }

    void merge(ReliabilityHistogram other) {
        for (int b = 0; b < BINS; b++) {
            counts[b] += other.counts[b];
            positives[b] += other.positives[b];
            scoreSums[b] += other.scoreSums[b];
        }
    }

    void copyFrom(ReliabilityHistogram other) {
        System.arraycopy(other.counts, 0, counts, 0, BINS);
        System.arraycopy(other.positives, 0, positives, 0, BINS);
        System.arraycopy(other.scoreSums, 0, scoreSums, 0, BINS);
    }

    long total() {
        return Arrays.stream(counts).sum();
    }

    /** Sum over bins of (n_b / N) |fraction positive_b - mean predicted_b|; NaN when empty. */
    double expectedCalibrationError() {
        long total = total();
        if (total == 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (int b = 0; b < BINS; b++) {
            if (counts[b] > 0) {
                sum += (double) counts[b] / total * gap(b);
            }
        }
        return sum;
    }

    /** Largest |fraction positive - mean predicted| over non-empty bins; NaN when empty. */
    double maximumCalibrationError() {
        double max = Double.NaN;
        for (int b = 0; b < BINS; b++) {
            if (counts[b] > 0) {
                max = Double.isNaN(max) ? gap(b) : Math.max(max, gap(b));
            }
        }
        return max;
    }

    private double gap(int b) {
        return Math.abs((double) positives[b] / counts[b] - scoreSums[b] / counts[b]);
    }

    List<ReliabilityBin> bins() {
        List<ReliabilityBin> bins = new ArrayList<>(BINS);
        for (int b = 0; b < BINS; b++) {
            long n = counts[b];
            bins.add(new ReliabilityBin(lowerEdge(b), upperEdge(b), n,
                    n == 0 ? Double.NaN : scoreSums[b] / n, n == 0 ? Double.NaN : (double) positives[b] / n));
        }
        return List.copyOf(bins);
    }

    static int encodedSize() {
        return BINS * (2 * Long.BYTES + Double.BYTES);
    }

    void write(ByteBuffer out) {
        for (int b = 0; b < BINS; b++) {
            out.putLong(counts[b]).putLong(positives[b]).putDouble(scoreSums[b]);
        }
    }

    void read(ByteBuffer in) {
        for (int b = 0; b < BINS; b++) {
            counts[b] = in.getLong();
            positives[b] = in.getLong();
            scoreSums[b] = in.getDouble();
            if (counts[b] < 0 || positives[b] < 0 || positives[b] > counts[b]) {
                throw new IllegalArgumentException("reliability bin " + b + " has inconsistent counts");
            }
        }
    }
}
