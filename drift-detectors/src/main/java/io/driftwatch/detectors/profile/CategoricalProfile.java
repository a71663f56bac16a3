package io.driftwatch.detectors.profile;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reference distribution of a categorical feature: category to count, in category order. Categories with
 * a zero count are dropped (they carry no information). Immutable.
 */
public record CategoricalProfile(SortedMap<String, Long> counts) implements DistributionProfile {

    public CategoricalProfile {
        TreeMap<String, Long> copy = new TreeMap<>();
        counts.forEach((category, n) -> {
            if (category == null) {
                throw new IllegalArgumentException("null category");
            }
            if (n == null || n < 0) {
                throw new IllegalArgumentException("category '" + category + "' has invalid count " + n);
            }
            if (n > 0) {
                copy.put(category, n);
            }
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("categorical reference is empty");
        }
        counts = Collections.unmodifiableSortedMap(copy);
    }

    public static CategoricalProfile of(Map<String, Long> counts) {
        return new CategoricalProfile(new TreeMap<>(counts));
    }

    /** Counts each value; null values are rejected. */
    public static CategoricalProfile fromValues(Iterable<String> values) {
        TreeMap<String, Long> counts = new TreeMap<>();
        for (String v : values) {
            if (v == null) {
                throw new IllegalArgumentException("null category value");
            }
            counts.merge(v, 1L, Long::sum);
        }
        return new CategoricalProfile(counts);
    }

    @Override
    public FeatureKind kind() {
        return FeatureKind.CATEGORICAL;
    }

    @Override
    public long count() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
