package io.driftwatch.detectors.drift.numeric;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Average ranks (1-based) of a sample, ties sharing the mean of their positions, as
 * {@code scipy.stats.rankdata(values, method='average')}; plus the tie term {@code sum(t^3 - t)} over tie groups.
 *
 * @param ranks    rank of each value, in input order
 * @param tieTerm  {@code sum over groups of equal values of (t^3 - t)}; 0 when all values are distinct
 * @param distinct number of distinct values
 */
record MidRanks(double[] ranks, double tieTerm, int distinct) {

    static MidRanks of(double[] values) {
        int n = values.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        // Double.compare would split -0.0 from 0.0; numpy does not
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i] + 0.0));
        double[] ranks = new double[n];
        double tieTerm = 0.0;
        int distinct = 0;
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && values[order[end]] == values[order[start]]) {
                end++;
            }
            double average = (start + 1 + end) / 2.0;
            for (int k = start; k < end; k++) {
                ranks[order[k]] = average;
            }
            double t = end - start;
            tieTerm += t * t * t - t;
            distinct++;
            start = end;
        }
        return new MidRanks(ranks, tieTerm, distinct);
    }
}
