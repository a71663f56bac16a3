package io.driftwatch.detectors.drift.categorical;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reference and current counts aligned on the union of their categories, in sorted category order. A
 * category with zero count on both sides (or absent from both maps) is dropped: it contributes nothing to
 * any test, and chi-square-type tests would otherwise see a zero column. A category present on one side only
 * keeps a zero on the other.
 *
 * @param categories the categories kept, sorted
 * @param reference  reference counts per category
 * @param current    current counts per category
 */
public record CategoryTable(List<String> categories, long[] reference, long[] current) {

    public CategoryTable {
        categories = List.copyOf(categories);
        reference = reference.clone();
        current = current.clone();
    }

    /**
     * Aligns two category-to-count maps. Null categories, null or negative counts, and an empty side (total
     * zero, e.g. an empty current window) give an {@link IllegalArgumentException}.
     */
    public static CategoryTable align(Map<String, Long> reference, Map<String, Long> current) {
        checkCounts(reference, "reference");
        checkCounts(current, "current");
        TreeSet<String> union = new TreeSet<>(reference.keySet());
        union.addAll(current.keySet());
        List<String> kept = new ArrayList<>();
        List<long[]> pairs = new ArrayList<>();
        for (String category : union) {
            long r = reference.getOrDefault(category, 0L);
            long c = current.getOrDefault(category, 0L);
            if (r > 0 || c > 0) {
                kept.add(category);
                pairs.add(new long[] {r, c});
            }
        }
        long[] ref = new long[kept.size()];
        long[] cur = new long[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            ref[i] = pairs.get(i)[0];
            cur[i] = pairs.get(i)[1];
        }
        return new CategoryTable(kept, ref, cur);
    }

    private static void checkCounts(Map<String, Long> counts, String side) {
        long total = 0;
        for (var e : counts.entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException(side + " has a null category");
            }
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException(side + " category '" + e.getKey() + "' has invalid count "
                        + e.getValue());
            }
            total += e.getValue();
        }
        if (total == 0) {
            throw new IllegalArgumentException(side + " window is empty (no category has a positive count)");
        }
    }

    public int size() {
        return categories.size();
    }

    public long referenceTotal() {
        return sum(reference);
    }

    public long currentTotal() {
        return sum(current);
    }

    @Override
    public long[] reference() {
        return reference.clone();
    }

    @Override
    public long[] current() {
        return current.clone();
    }

    double[] referenceAsDoubles() {
        return asDoubles(reference);
    }

    double[] currentAsDoubles() {
        return asDoubles(current);
    }

    private static double[] asDoubles(long[] counts) {
        double[] out = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = counts[i];
        }
        return out;
    }

    private static long sum(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }
}
