package io.driftwatch.detectors.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.detectors.state.MergeableStateContract;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CategoricalWindowStateTest extends MergeableStateContract<CategoricalWindowState> {

    private static final Set<String> REFERENCE = Set.of("red", "green", "blue");
    private static final String[] OBSERVED = {"red", "green", "blue", "purple", "teal"};

    @Override
    protected CategoricalWindowState empty() {
        return new CategoricalWindowState(REFERENCE);
    }

    @Override
    protected void addRandom(CategoricalWindowState state, Random random) {
        int n = 1 + random.nextInt(300);
        for (int i = 0; i < n; i++) {
            int pick = random.nextInt(OBSERVED.length + 2);
            if (pick == OBSERVED.length) {
                state.add(null);
            } else if (pick == OBSERVED.length + 1) {
                state.addTypeMismatch();
            } else {
                state.add(OBSERVED[pick]);
            }
        }
    }

    @Override
    protected CategoricalWindowState fromBytes(byte[] bytes) {
        return CategoricalWindowState.fromBytes(bytes);
    }

    @Override
    protected void assertEquivalent(CategoricalWindowState actual, CategoricalWindowState expected) {
        assertThat(actual.referenceCategories()).isEqualTo(expected.referenceCategories());
        assertThat(actual.counts().counts()).isEqualTo(expected.counts().counts());
        assertThat(actual.counts().otherCount()).isEqualTo(expected.counts().otherCount());
        assertThat(actual.quality().totalSeen()).isEqualTo(expected.quality().totalSeen());
        for (QualityIssue issue : QualityIssue.values()) {
            assertThat(actual.quality().count(issue)).isEqualTo(expected.quality().count(issue));
        }
    }

    @Test
    void countsUnseenNullAndMismatch() {
        CategoricalWindowState state = new CategoricalWindowState(REFERENCE, 2);
        for (String c : new String[] {"red", "purple", "red", null, "teal", "blue"}) {
            state.add(c);
        }
        state.addTypeMismatch();
        assertThat(state.quality().totalSeen()).isEqualTo(7);
        assertThat(state.quality().count(QualityIssue.UNSEEN_CATEGORY)).isEqualTo(2);
        assertThat(state.quality().count(QualityIssue.NULL)).isEqualTo(1);
        assertThat(state.quality().count(QualityIssue.TYPE_MISMATCH)).isEqualTo(1);
        // Cap 2: red and purple are tracked, teal and blue go to "other".
        assertThat(state.counts().counts()).isEqualTo(Map.of("red", 2L, "purple", 1L));
        assertThat(state.counts().otherCount()).isEqualTo(2);
    }

    @Test
    void mergeRequiresTheSameReference() {
        assertThatThrownBy(() -> empty().merge(new CategoricalWindowState(Set.of("red"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reference categories");
        java.util.Set<String> withNull = new java.util.HashSet<>();
        withNull.add(null);
        assertThatThrownBy(() -> new CategoricalWindowState(withNull)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Repeated instances (as a shuffled batch delivers them) and fresh equal strings count alike: many more
     * distinct categories than the instance cache has slots, past the cap, against counts made here by hand.
     */
    @Test
    void repeatedInstancesCountLikeEqualStrings() {
        int distinct = 40;
        int cap = 25;
        String[] instances = new String[distinct];
        for (int i = 0; i < distinct; i++) {
            instances[i] = "c" + i;
        }
        Set<String> reference = Set.of("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7");
        CategoricalWindowState repeated = new CategoricalWindowState(reference, cap);
        CategoricalWindowState fresh = new CategoricalWindowState(reference, cap);
        Map<String, Long> all = new HashMap<>();
        Set<String> firstSeen = new LinkedHashSet<>();
        long unseen = 0;
        Random random = new Random(11);
        int adds = 5_000;
        for (int i = 0; i < adds; i++) {
            String category = instances[Math.min(random.nextInt(distinct), random.nextInt(distinct))];
            repeated.add(category);
            fresh.add(new String(category));
            all.merge(category, 1L, Long::sum);
            firstSeen.add(category);
            unseen += reference.contains(category) ? 0 : 1;
        }
        Map<String, Long> tracked = new HashMap<>();
        long other = 0;
        int rank = 0;
        for (String category : firstSeen) {
            if (rank++ < cap) {
                tracked.put(category, all.get(category));
            } else {
                other += all.get(category);
            }
        }
        for (CategoricalWindowState state : new CategoricalWindowState[] {repeated, fresh}) {
            assertThat(state.counts().counts()).isEqualTo(tracked);
            assertThat(state.counts().otherCount()).isEqualTo(other);
            assertThat(state.quality().totalSeen()).isEqualTo(adds);
            assertThat(state.quality().count(QualityIssue.UNSEEN_CATEGORY)).isEqualTo(unseen);
        }
        assertThat(other).as("the cap is exceeded").isPositive();
        assertThat(unseen).as("some categories are unseen").isPositive();
    }

    /** A merge can change which categories are tracked; instances added before it must be looked up again. */
    @Test
    void aMergeChangesWhereARepeatedInstanceIsCounted() {
        String red = "red";
        String teal = "teal";
        CategoricalWindowState state = new CategoricalWindowState(REFERENCE, 2);
        state.add(red);
        state.add("green");
        state.add(teal); // cap 2 reached: teal goes to "other"
        CategoricalWindowState tealHeavy = new CategoricalWindowState(REFERENCE, 2);
        for (int i = 0; i < 5; i++) {
            tealHeavy.add("teal");
        }
        state.merge(tealHeavy); // union red 1, green 1, teal 5: teal and (by name) green survive, red goes to "other"
        assertThat(state.counts().counts()).isEqualTo(Map.of("teal", 5L, "green", 1L));
        assertThat(state.counts().otherCount()).isEqualTo(2);
        state.add(teal);
        state.add(red);
        assertThat(state.counts().counts()).isEqualTo(Map.of("teal", 6L, "green", 1L));
        assertThat(state.counts().otherCount()).isEqualTo(3);
        assertThat(state.quality().count(QualityIssue.UNSEEN_CATEGORY)).isEqualTo(1 + 5 + 1); // teal before the merge, the merged five, teal after
    }

    @Test
    void emptyLikeKeepsTheFrameAndNothingElse() {
        CategoricalWindowState state = new CategoricalWindowState(REFERENCE, 2);
        state.add("red");
        state.add("purple");
        CategoricalWindowState empty = state.emptyLike();
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.referenceCategories()).containsExactly("blue", "green", "red");
        assertThat(empty.counts().maxCategories()).isEqualTo(2);
        empty.add("teal");
        empty.add("red");
        assertThat(empty.quality().count(QualityIssue.UNSEEN_CATEGORY)).isEqualTo(1);
        assertThat(state.counts().counts()).isEqualTo(Map.of("red", 1L, "purple", 1L));
        state.merge(empty);
        assertThat(state.counts().counts()).isEqualTo(Map.of("red", 2L, "purple", 1L));
        assertThat(state.counts().otherCount()).isEqualTo(1);
    }
}
