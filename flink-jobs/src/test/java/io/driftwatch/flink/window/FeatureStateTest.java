package io.driftwatch.flink.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.detectors.profile.FeatureKind;
import io.driftwatch.detectors.sketch.QualityIssue;
import io.driftwatch.flink.source.FeatureKindCode;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeatureStateTest {

    private static final int CATEGORIES = 5;

    @Test
    void numericFeatureRoutesSpecialStringsToQualityAndOtherTextToTypeMismatch() {
        FeatureState state = FeatureState.framedNumeric(new double[] {0.0}, -1.0, 1.0);
        state.add(FeatureKindCode.NUMBER, 0.5, "", CATEGORIES);
        state.add(FeatureKindCode.NUMBER, 5.0, "", CATEGORIES);
        state.add(FeatureKindCode.TEXT, 0, "NaN", CATEGORIES);
        state.add(FeatureKindCode.TEXT, 0, "Infinity", CATEGORIES);
        state.add(FeatureKindCode.TEXT, 0, "-inf", CATEGORIES);
        state.add(FeatureKindCode.TEXT, 0, "abc", CATEGORIES);
        state.add(FeatureKindCode.BOOLEAN, 0, "true", CATEGORIES);
        state.add(FeatureKindCode.NULL, 0, "", CATEGORIES);
        var q = state.numeric().quality();
        assertThat(q.totalSeen()).isEqualTo(8);
        assertThat(q.count(QualityIssue.NAN)).isEqualTo(1);
        assertThat(q.count(QualityIssue.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(q.count(QualityIssue.NEGATIVE_INFINITY)).isEqualTo(1);
        assertThat(q.count(QualityIssue.TYPE_MISMATCH)).isEqualTo(2);
        assertThat(q.count(QualityIssue.NULL)).isEqualTo(1);
        assertThat(q.count(QualityIssue.OUT_OF_REFERENCE_RANGE)).isEqualTo(1);
        assertThat(state.numeric().sketch().n()).isEqualTo(2);
    }

    @Test
    void categoricalFeatureCountsBooleansAsCategoriesAndNumbersAsMismatches() {
        FeatureState state = FeatureState.framedCategorical(Set.of("DE"), CATEGORIES);
        state.add(FeatureKindCode.TEXT, 0, "DE", CATEGORIES);
        state.add(FeatureKindCode.TEXT, 0, "FR", CATEGORIES);
        state.add(FeatureKindCode.BOOLEAN, 0, "false", CATEGORIES);
        state.add(FeatureKindCode.NUMBER, 3, "", CATEGORIES);
        assertThat(state.categorical().counts().counts()).containsEntry("DE", 1L).containsEntry("FR", 1L)
                .containsEntry("false", 1L);
        assertThat(state.categorical().quality().count(QualityIssue.UNSEEN_CATEGORY)).isEqualTo(2);
        assertThat(state.categorical().quality().count(QualityIssue.TYPE_MISMATCH)).isEqualTo(1);
    }

    @Test
    void unframedFeatureTakesTheKindOfItsFirstValueAndReplaysEarlierNulls() {
        FeatureState state = FeatureState.unframed();
        state.add(FeatureKindCode.NULL, 0, "", CATEGORIES);
        state.add(FeatureKindCode.NULL, 0, "", CATEGORIES);
        assertThat(state.kind()).isNull();
        assertThat(state.pendingNulls()).isEqualTo(2);
        state.add(FeatureKindCode.TEXT, 0, "x", CATEGORIES);
        assertThat(state.kind()).isEqualTo(FeatureKind.CATEGORICAL);
        assertThat(state.pendingNulls()).isZero();
        assertThat(state.categorical().quality().count(QualityIssue.NULL)).isEqualTo(2);
        assertThat(state.categorical().quality().totalSeen()).isEqualTo(3);
        assertThat(state.framed()).isFalse();
    }

    @Test
    void framesMatchOnlyWithEqualEdgesAndRange() {
        FeatureState a = FeatureState.framedNumeric(new double[] {0.0, 1.0}, -1, 2);
        assertThat(a.sameFrame(FeatureState.framedNumeric(new double[] {0.0, 1.0}, -1, 2))).isTrue();
        assertThat(a.sameFrame(FeatureState.framedNumeric(new double[] {0.0, 1.5}, -1, 2))).isFalse();
        assertThat(a.sameFrame(FeatureState.framedNumeric(new double[] {0.0, 1.0}, -1, 3))).isFalse();
        assertThat(a.sameFrame(FeatureState.unframed())).isFalse();
    }

    @Test
    void rollingFrameCollapsesTiedQuantiles() {
        assertThat(RollingFrames.interiorOf(new double[] {1, 1, 1, 2, 3})).containsExactly(1, 2);
        assertThat(RollingFrames.interiorOf(new double[] {4, 4, 4})).containsExactly(4);
    }
}
