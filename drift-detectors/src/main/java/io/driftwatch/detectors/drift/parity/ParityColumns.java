package io.driftwatch.detectors.drift.parity;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/** Validation, distinct values and per-value counts of raw columns, shared by the parity classes. */
final class ParityColumns {

    private ParityColumns() {}

    /** Sorted copy; empty or NaN input is rejected (Evidently drops NaN and infinities before testing). */
    static double[] sortedFinite(double[] values, String side) {
        if (values.length == 0) {
            throw new IllegalArgumentException(side + " column is empty");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(side + " column has " + values[i] + " at index " + i
                        + "; drop missing and infinite values first, as Evidently does");
            }
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    static void checkCategories(List<String> values, String side) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(side + " column is empty");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException(side + " column has null at index " + i
                        + "; drop missing values first, as Evidently does");
            }
        }
    }

    /** Distinct values of a sorted array ({@code ==} equality, so -0.0 and 0.0 are one value, as in pandas). */
    static double[] distinctSorted(double[] sorted) {
        double[] out = new double[sorted.length];
        int n = 0;
        for (double v : sorted) {
            if (n == 0 || v != out[n - 1]) {
                out[n++] = v;
            }
        }
        return Arrays.copyOf(out, n);
    }

    static double[] union(double[] a, double[] b) {
        double[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        Arrays.sort(all);
        return all;
    }

    /** Counts of each key in {@code sorted} (keys sorted and distinct). */
    static double[] countsPerValue(double[] sorted, double[] keys) {
        double[] counts = new double[keys.length];
        int k = 0;
        for (double v : sorted) {
            while (keys[k] != v) {
                k++;
            }
            counts[k]++;
        }
        return counts;
    }

    static TreeMap<String, Long> countCategories(List<String> values) {
        TreeMap<String, Long> counts = new TreeMap<>();
        values.forEach(v -> counts.merge(v, 1L, Long::sum));
        return counts;
    }

    static int distinctCategories(List<String> reference, List<String> current) {
        TreeMap<String, Long> all = countCategories(reference);
        all.putAll(countCategories(current));
        return all.size();
    }
}
