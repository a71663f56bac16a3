package io.driftwatch.detectors.drift.parity;

import java.util.List;

/**
 * Reference and current counts on common bins, as Evidently bins them, in ascending key order.
 *
 * @param labels    one label per bin: the value (one bin per value) or {@code [lo, hi)} (Sturges)
 * @param reference reference counts
 * @param current   current counts
 * @param binning   how the bins were formed
 */
public record BinnedColumns(List<String> labels, double[] reference, double[] current, ParityBinning binning) {

    public BinnedColumns {
        labels = List.copyOf(labels);
        reference = reference.clone();
        current = current.clone();
    }

    @Override
    public double[] reference() {
        return reference.clone();
    }

    @Override
    public double[] current() {
        return current.clone();
    }

    /** Reference proportions {@code count / n}, zeros replaced by {@code fill}. */
    public double[] referenceProportions(EmptyBinFill fill) {
        return fill.apply(proportions(reference));
    }

    public double[] currentProportions(EmptyBinFill fill) {
        return fill.apply(proportions(current));
    }

    private static double[] proportions(double[] counts) {
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i] / total;
        }
        return out;
    }
}
