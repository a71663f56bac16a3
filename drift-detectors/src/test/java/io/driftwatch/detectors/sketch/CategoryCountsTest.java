package io.driftwatch.detectors.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.detectors.state.MergeableStateContract;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CategoryCountsTest extends MergeableStateContract<CategoryCounts> {

    /** Fewer distinct categories than the default cap, so the merge laws hold exactly. */
    private static final int POOL = 60;

    @Override
    protected CategoryCounts empty() {
        return new CategoryCounts();
    }

    @Override
    protected void addRandom(CategoryCounts state, Random random) {
        int n = 1 + random.nextInt(400);
        for (int i = 0; i < n; i++) {
            state.add("cat-" + random.nextInt(POOL) + (i % 7 == 0 ? "-é" : ""));
        }
    }

    @Override
    protected CategoryCounts fromBytes(byte[] bytes) {
        return CategoryCounts.fromBytes(bytes);
    }

    @Override
    protected void assertEquivalent(CategoryCounts actual, CategoryCounts expected) {
        assertThat(actual.counts()).isEqualTo(expected.counts());
        assertThat(actual.otherCount()).isEqualTo(expected.otherCount());
        assertThat(actual.maxCategories()).isEqualTo(expected.maxCategories());
    }

    private static CategoryCounts of(int cap, String... categories) {
        CategoryCounts counts = new CategoryCounts(cap);
        for (String c : categories) {
            counts.add(c);
        }
        return counts;
    }

    @Test
    void newCategoriesPastTheCapGoToOther() {
        CategoryCounts counts = of(2, "a", "b", "a", "c", "c", "b", "d");
        assertThat(counts.counts()).isEqualTo(Map.of("a", 2L, "b", 2L));
        assertThat(counts.otherCount()).isEqualTo(3);
        assertThat(counts.count("c")).isZero();
        assertThat(counts.total()).isEqualTo(7);
        assertThat(counts.size()).isEqualTo(2);
    }

    @Test
    void mergePastTheCapKeepsTheLargestCountsThenNamesAndIsCommutative() {
        CategoryCounts first = of(2, "a", "a", "b", "x");   // {a:2, b:1}, other 1 (x)
        CategoryCounts second = of(2, "c", "c", "c", "b");  // {c:3, b:1}
        CategoryCounts ab = first.copy();
        ab.merge(second);
        CategoryCounts ba = second.copy();
        ba.merge(first);
        // union {a:2, b:2, c:3}: c survives by count, a beats b on the name tie; b's 2 go to other.
        assertThat(ab.counts()).isEqualTo(Map.of("c", 3L, "a", 2L));
        assertThat(ab.otherCount()).isEqualTo(3);
        assertThat(ab.total()).isEqualTo(first.total() + second.total());
        assertThat(ba.counts()).isEqualTo(ab.counts());
        assertThat(ba.otherCount()).isEqualTo(ab.otherCount());
    }

    @Test
    void defaultCapIsNamed() {
        assertThat(new CategoryCounts().maxCategories()).isEqualTo(CategoryCounts.DEFAULT_MAX_CATEGORIES);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new CategoryCounts(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxCategories");
        assertThatThrownBy(() -> new CategoryCounts().add(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> new CategoryCounts(3).merge(new CategoryCounts(4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different caps");
        byte[] bytes = of(3, "a").toBytes();
        bytes[1 + Integer.BYTES - 1] = 0; // cap 0
        assertThatThrownBy(() -> CategoryCounts.fromBytes(bytes)).isInstanceOf(IllegalArgumentException.class);
    }
}
