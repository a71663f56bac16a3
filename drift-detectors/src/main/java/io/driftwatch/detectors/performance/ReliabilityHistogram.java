package io.driftwatch.detectors.performance;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The equal-width reliability bins (10 by default) (count, sum of scores, number of positives per bin) from which ECE,
 * MCE and the reliability diagram are exact.
 *
 * <p>Binning reproduces sklearn's {@code calibration_curve(strategy='uniform')}: interior edges are
 * {@code np.linspace(0, 1, 11)[1:-1]}, i.e. {@code i * 0.1} in double arithmetic (so the third edge is
 * 0.30000000000000004), and a score goes to {@code np.searchsorted(edges, score)} (side 'left'): the number
 * of interior edges strictly below it. Bins are therefore right-closed: 0.1 falls in bin 0, 0.0 in bin 0 and
 * 1.0 in bin 9.
 */
final class ReliabilityHistogram {
    /** Default number of reliability bins; 10 is the customary ECE setting (Guo et al. 2017 use 15, sklearn 5). */
    static final int DEFAULT_BINS = 10;
    /** Upper limit, to keep state bounded (24 bytes per bin). */
    static final int MAX_BINS = 1000;

    private final double[] interiorEdges;
    private final long[] counts;
    private final long[] positives;
    private final double[] scoreSums;

    ReliabilityHistogram(int bins) {
        if (bins < 1 || bins > MAX_BINS) {
            throw new IllegalArgumentException("reliability bins must be in [1, " + MAX_BINS + "], got " + bins);
        }
        interiorEdges = interiorEdges(bins);
        counts = new long[bins];
        positives = new long[bins];
        scoreSums = new double[bins];
    }

    private static double[] interiorEdges(int bins) {
        double step = 1.0 / bins; // numpy linspace: step = (stop - start) / (num - 1), then i * step + start
        double[] edges = new double[bins - 1];
        for (int i = 1; i < bins; i++) {
            edges[i - 1] = i * step + 0.0;
        }
        return edges;
    }

    int binCount() {
        return counts.length;
    }

    /** The bin of a score in [0, 1], as numpy's searchsorted on the interior edges: edges strictly below it. */
    int binOf(double score) {
        int low = 0;
        int high = interiorEdges.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (interiorEdges[mid] < score) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    double lowerEdge(int bin) {
        return bin == 0 ? 0.0 : interiorEdges[bin - 1];
    }

    double upperEdge(int bin) {
        return bin == binCount() - 1 ? 1.0 : interiorEdges[bin];
    }

    void add(double score, int label) {
        int bin = binOf(score);
        counts[bin]++;
        positives[bin] += label;
        scoreSums[bin] += score;
    }

    void merge(ReliabilityHistogram other) {
        if (other.binCount() != binCount()) {
            throw new IllegalArgumentException("cannot merge reliability histograms with " + binCount() + " and "
                    + other.binCount() + " bins");
        }
        for (int b = 0; b < binCount(); b++) {
            counts[b] += other.counts[b];
            positives[b] += other.positives[b];
            scoreSums[b] += other.scoreSums[b];
        }
    }

    ReliabilityHistogram copy() {
        ReliabilityHistogram copy = new ReliabilityHistogram(binCount());
        System.arraycopy(counts, 0, copy.counts, 0, binCount());
        System.arraycopy(positives, 0, copy.positives, 0, binCount());
        System.arraycopy(scoreSums, 0, copy.scoreSums, 0, binCount());
        return copy;
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
        for (int b = 0; b < binCount(); b++) {
            if (counts[b] > 0) {
                sum += (double) counts[b] / total * gap(b);
            }
        }
        return sum;
    }

    /** Largest |fraction positive - mean predicted| over non-empty bins; NaN when empty. */
    double maximumCalibrationError() {
        double max = Double.NaN;
        for (int b = 0; b < binCount(); b++) {
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
        List<ReliabilityBin> bins = new ArrayList<>(binCount());
        for (int b = 0; b < binCount(); b++) {
            long n = counts[b];
            bins.add(new ReliabilityBin(lowerEdge(b), upperEdge(b), n,
                    n == 0 ? Double.NaN : scoreSums[b] / n, n == 0 ? Double.NaN : (double) positives[b] / n));
        }
        return List.copyOf(bins);
    }

    int encodedSize() {
        return Integer.BYTES + binCount() * (2 * Long.BYTES + Double.BYTES);
    }

    void write(ByteBuffer out) {
        out.putInt(binCount());
        for (int b = 0; b < binCount(); b++) {
            out.putLong(counts[b]).putLong(positives[b]).putDouble(scoreSums[b]);
        }
    }

    static ReliabilityHistogram read(ByteBuffer in) {
        ReliabilityHistogram histogram = new ReliabilityHistogram(in.getInt());
        histogram.readCounts(in);
        return histogram;
    }

    private void readCounts(ByteBuffer in) {
        for (int b = 0; b < binCount(); b++) {
            counts[b] = in.getLong();
            positives[b] = in.getLong();
            scoreSums[b] = in.getDouble();
            if (counts[b] < 0 || positives[b] < 0 || positives[b] > counts[b]) {
                throw new IllegalArgumentException("reliability bin " + b + " has inconsistent counts");
            }
        }
    }
}
