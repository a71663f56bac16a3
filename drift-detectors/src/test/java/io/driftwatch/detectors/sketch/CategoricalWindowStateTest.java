package io.driftwatch.detectors.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.detectors.state.MergeableStateContract;
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
}
