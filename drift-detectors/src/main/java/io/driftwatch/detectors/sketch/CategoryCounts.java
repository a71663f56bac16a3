package io.driftwatch.detectors.sketch;

import io.driftwatch.detectors.state.StateBytes;
import io.driftwatch.detectors.state.MergeableState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact counts per category for at most {@code maxCategories} distinct categories, plus an "other" count.
 *
 * <p>Adding: a tracked category is incremented; a new category is tracked while fewer than
 * {@code maxCategories} are; past the cap its observations go to {@link #otherCount()}. How many distinct
 * values overflowed is not tracked (that would need unbounded memory); a category that overflowed keeps
 * going to "other" in this state even if it later becomes frequent.
 *
 * <p>Merging: counts of the union are summed; if the union has more than {@code maxCategories} categories,
 * the ones with the largest merged counts survive (ties broken by name, ascending) and the rest are added to
 * "other". This rule is symmetric, so merge is commutative, and it is exactly associative while the union
 * fits in the cap. Past the cap, which categories survive can depend on the merge grouping (as with any
 * bounded heavy-hitter summary), but {@link #total()} and every per-category count that is reported are
 * never over-counted.
 */
public final class CategoryCounts implements MergeableState<CategoryCounts> {

    /** Default cap on distinct categories per feature and window, bounding state size. */
    public static final int DEFAULT_MAX_CATEGORIES = 256;
    /** Format version of {@link #toBytes()}: version, cap, other, size, then (UTF-8 name, count) by name. */
    public static final byte VERSION = 1;
    private static final String TYPE = "CategoryCounts";
    private static final Comparator<Map.Entry<String, long[]>> SURVIVAL_ORDER =
            Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                    .thenComparing(Map.Entry::getKey);

    private final int maxCategories;
    /** Category to a one-element counter, so the hot path does not box. */
    private final Map<String, long[]> counts = new HashMap<>();
    private long otherCount;
    /** Incremented by every {@link #merge}, which may add or drop tracked categories; not part of the state. */
    private int merges;

    /** Empty counts with the default cap {@link #DEFAULT_MAX_CATEGORIES}. */
    public CategoryCounts() {
        this(DEFAULT_MAX_CATEGORIES);
    }

    /** Empty counts tracking at most {@code maxCategories} (at least 1) distinct categories. */
    public CategoryCounts(int maxCategories) {
        if (maxCategories < 1) {
            throw new IllegalArgumentException("maxCategories must be at least 1, got " + maxCategories);
        }
        this.maxCategories = maxCategories;
    }

    /** Counts one observation of {@code category} (not null: count nulls in {@link QualityCounters}). */
    public void add(String category) {
        if (category == null) {
            throw new IllegalArgumentException("category must not be null; count nulls as a quality issue");
        }
        long[] counter = counts.get(category);
        if (counter != null) {
            counter[0]++;
        } else if (counts.size() < maxCategories) {
            counts.put(category, new long[] {1});
        } else {
            otherCount++;
        }
    }

    /**
     * {@link #add(String)} that returns where the observation was counted: the category's live counter, or
     * {@code null} when it went to "other". Until the next {@link #merge} (see {@link #merges()}) the same
     * category goes to the same place, so a caller may keep the answer and count further observations with
     * {@code counter[0]++} or {@link #addOther()} without looking the category up again.
     */
    long[] addAndLocate(String category) {
        add(category);
        return counts.get(category);
    }

    /** Counts one observation in "other"; only for a category {@link #addAndLocate} sent there. */
    void addOther() {
        otherCount++;
    }

    /** How many merges changed this state's tracked categories; answers of {@link #addAndLocate} expire with it. */
    int merges() {
        return merges;
    }

    /** The count of a tracked category, 0 for untracked ones (which may have gone to "other"). */
    public long count(String category) {
        long[] counter = counts.get(category);
        return counter == null ? 0 : counter[0];
    }

    /** Observations of categories past the cap. */
    public long otherCount() {
        return otherCount;
    }

    /** All observations, tracked or "other". */
    public long total() {
        long total = otherCount;
        for (long[] counter : counts.values()) {
            total += counter[0];
        }
        return total;
    }

    /** Number of tracked categories. */
    public int size() {
        return counts.size();
    }

    public int maxCategories() {
        return maxCategories;
    }

    /** A snapshot of the tracked counts, sorted by category name. */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((category, counter) -> snapshot.put(category, counter[0]));
        return snapshot;
    }

    /** Merges as described in the class comment; both must have the same cap. */
    @Override
    public void merge(CategoryCounts other) {
        if (maxCategories != other.maxCategories) {
            throw new IllegalArgumentException("cannot merge CategoryCounts with different caps: "
                    + maxCategories + " vs " + other.maxCategories);
        }
        other.counts.forEach((category, counter) ->
                counts.computeIfAbsent(category, c -> new long[1])[0] += counter[0]);
        otherCount += other.otherCount;
        merges++;
        if (counts.size() > maxCategories) {
            List<Map.Entry<String, long[]>> ranked = new ArrayList<>(counts.entrySet());
            ranked.sort(SURVIVAL_ORDER);
            for (Map.Entry<String, long[]> dropped : ranked.subList(maxCategories, ranked.size())) {
                otherCount += dropped.getValue()[0];
                counts.remove(dropped.getKey());
            }
        }
    }

    @Override
    public CategoryCounts copy() {
        CategoryCounts copy = new CategoryCounts(maxCategories);
        copy.merge(this);
        return copy;
    }

    @Override
    public byte[] toBytes() {
        Map<String, Long> sorted = counts();
        List<byte[]> names = new ArrayList<>(sorted.size());
        int payload = Integer.BYTES + Long.BYTES + Integer.BYTES;
        for (String category : sorted.keySet()) {
            byte[] name = category.getBytes(StandardCharsets.UTF_8);
            names.add(name);
            payload += StateBytes.nestedSize(name) + Long.BYTES;
        }
        ByteBuffer buffer = StateBytes.writer(VERSION, payload);
        buffer.putInt(maxCategories).putLong(otherCount).putInt(sorted.size());
        int i = 0;
        for (long count : sorted.values()) {
            StateBytes.putNested(buffer, names.get(i++));
            buffer.putLong(count);
        }
        return buffer.array();
    }

    /** Inverts {@link #toBytes()}. */
    public static CategoryCounts fromBytes(byte[] bytes) {
        return StateBytes.decode(bytes, VERSION, TYPE, buffer -> {
            CategoryCounts result = new CategoryCounts(buffer.getInt());
            result.otherCount = requireNonNegative(buffer.getLong());
            int size = buffer.getInt();
            if (size < 0 || size > result.maxCategories) {
                throw new IllegalArgumentException(
                        TYPE + ": " + size + " categories exceed the cap " + result.maxCategories);
            }
            for (int i = 0; i < size; i++) {
                String category = new String(StateBytes.getNested(buffer, TYPE), StandardCharsets.UTF_8);
                long[] previous = result.counts.put(category, new long[] {requireNonNegative(buffer.getLong())});
                if (previous != null) {
                    throw new IllegalArgumentException(TYPE + ": duplicate category '" + category + "'");
                }
            }
            return result;
        });
    }

    private static long requireNonNegative(long count) {
        if (count < 0) {
            throw new IllegalArgumentException(TYPE + ": negative count " + count);
        }
        return count;
    }

    @Override
    public boolean isEmpty() {
        return counts.isEmpty() && otherCount == 0;
    }

    @Override
    public String toString() {
        return "CategoryCounts{" + counts() + ", other=" + otherCount + ", cap=" + maxCategories + '}';
    }
}
