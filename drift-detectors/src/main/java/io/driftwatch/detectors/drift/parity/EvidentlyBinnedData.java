package io.driftwatch.detectors.drift.parity;

import io.driftwatch.detectors.profile.BinEdges;
import io.driftwatch.detectors.profile.Binning;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Evidently 0.4.x's {@code get_binned_data}: a numeric column whose <em>reference</em> has more than
 * {@link #STURGES_MIN_DISTINCT} distinct values is cut with {@code np.histogram_bin_edges(reference ∪ current,
 * 'sturges')}; otherwise (and for categorical columns) there is one bin per distinct value of reference and
 * current together. Proportions are {@code count / n} per window; empty bins are replaced per
 * {@link EmptyBinFill}.
 */
public final class EvidentlyBinnedData {

    /** Evidently bins a numeric column by value unless its reference has more distinct values than this. */
    public static final int STURGES_MIN_DISTINCT = 20;

    private EvidentlyBinnedData() {}

    /** The binning Evidently uses for a numeric column with this (sorted) reference. */
    static ParityBinning numericBinning(double[] sortedReference) {
        return ParityColumns.distinctSorted(sortedReference).length > STURGES_MIN_DISTINCT
                ? ParityBinning.STURGES_OVER_UNION : ParityBinning.ONE_BIN_PER_VALUE;
    }

    public static BinnedColumns numeric(double[] reference, double[] current) {
        double[] ref = ParityColumns.sortedFinite(reference, "reference");
        double[] cur = ParityColumns.sortedFinite(current, "current");
        double[] union = ParityColumns.union(ref, cur);
        if (numericBinning(ref) == ParityBinning.STURGES_OVER_UNION) {
            BinEdges edges = new Binning.Sturges().edgesFor(union);
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < edges.binCount(); i++) {
                labels.add("[" + edges.edge(i) + ", " + edges.edge(i + 1) + ")");
            }
            return new BinnedColumns(labels, toDoubles(edges.histogram(ref)), toDoubles(edges.histogram(cur)),
                    ParityBinning.STURGES_OVER_UNION);
        }
        double[] keys = ParityColumns.distinctSorted(union);
        List<String> labels = new ArrayList<>();
        for (double k : keys) {
            labels.add(Double.toString(k));
        }
        return new BinnedColumns(labels, ParityColumns.countsPerValue(ref, keys),
                ParityColumns.countsPerValue(cur, keys), ParityBinning.ONE_BIN_PER_VALUE);
    }

    public static BinnedColumns categorical(List<String> reference, List<String> current) {
        ParityColumns.checkCategories(reference, "reference");
        ParityColumns.checkCategories(current, "current");
        TreeMap<String, Long> ref = ParityColumns.countCategories(reference);
        TreeMap<String, Long> cur = ParityColumns.countCategories(current);
        TreeSet<String> keys = new TreeSet<>(ref.keySet());
        keys.addAll(cur.keySet());
        List<String> labels = new ArrayList<>(keys);
        double[] refCounts = new double[labels.size()];
        double[] curCounts = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            refCounts[i] = ref.getOrDefault(labels.get(i), 0L);
            curCounts[i] = cur.getOrDefault(labels.get(i), 0L);
        }
        return new BinnedColumns(labels, refCounts, curCounts, ParityBinning.ONE_BIN_PER_VALUE);
    }

    private static double[] toDoubles(long[] counts) {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i];
        }
        return out;
    }
}
