package io.driftwatch.detectors.performance;

import static io.driftwatch.detectors.performance.Reference.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.detectors.state.MergeableStateContract;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExpectedConfusionAccumulatorTest extends MergeableStateContract<ExpectedConfusionAccumulator> {

    @Override
    protected ExpectedConfusionAccumulator empty() {
        return new ExpectedConfusionAccumulator(0.5);
    }

    @Override
    protected void addRandom(ExpectedConfusionAccumulator state, Random random) {
        for (int i = 0; i < 100; i++) {
            state.add(random.nextDouble());
        }
    }

    @Override
    protected ExpectedConfusionAccumulator fromBytes(byte[] bytes) {
        return ExpectedConfusionAccumulator.fromBytes(bytes);
    }

    @Override
    protected void assertEquivalent(ExpectedConfusionAccumulator actual, ExpectedConfusionAccumulator expected) {
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(actual.threshold()).isEqualTo(expected.threshold());
        EstimatedBinaryPerformance a = actual.estimate();
        EstimatedBinaryPerformance e = expected.estimate();
        assertClose("tp", a.expectedTp(), e.expectedTp());
        assertClose("fp", a.expectedFp(), e.expectedFp());
        assertClose("accuracy", a.accuracy(), e.accuracy());
        assertClose("f1", a.f1(), e.f1());
    }

    static Stream<Named<JsonNode>> cases() {
        return Reference.cases("performance_estimated.json");
    }

    private static void assertMatches(EstimatedBinaryPerformance estimate, JsonNode expected) {
        assertClose("expected_tp", estimate.expectedTp(), expected.get("expected_tp"));
        assertClose("expected_fp", estimate.expectedFp(), expected.get("expected_fp"));
        assertClose("expected_fn", estimate.expectedFn(), expected.get("expected_fn"));
        assertClose("expected_tn", estimate.expectedTn(), expected.get("expected_tn"));
        assertClose("accuracy", estimate.accuracy(), expected.get("accuracy"));
        assertClose("precision", estimate.precision(), expected.get("precision"));
        assertClose("recall", estimate.recall(), expected.get("recall"));
        assertClose("f1", estimate.f1(), expected.get("f1"));
        assertThat(estimate.estimated()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void batchEstimateMatchesNumpy(JsonNode c) {
        assertMatches(PerformanceEstimator.estimateBinary(Reference.doubles(c.get("scores")),
                c.get("threshold").asDouble()), c.get("expected"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void mergedAccumulatorsMatchNumpy(JsonNode c) {
        double[] scores = Reference.doubles(c.get("scores"));
        double threshold = c.get("threshold").asDouble();
        ExpectedConfusionAccumulator first = new ExpectedConfusionAccumulator(threshold);
        ExpectedConfusionAccumulator second = new ExpectedConfusionAccumulator(threshold);
        for (int i = 0; i < scores.length; i++) {
            (i < scores.length / 3 ? first : second).add(scores[i]);
        }
        second.merge(first);
        assertMatches(ExpectedConfusionAccumulator.fromBytes(second.toBytes()).estimate(), c.get("expected"));
    }

    static Stream<Named<JsonNode>> multiclassCases() {
        return MulticlassAccumulatorTest.cases();
    }

    @ParameterizedTest
    @MethodSource("multiclassCases")
    void expectedTop1AccuracyMatchesNumpy(JsonNode c) {
        assertClose("expected top-1 accuracy",
                PerformanceEstimator.estimateTop1Accuracy(Reference.matrix(c.get("probabilities"))),
                c.get("expected").get("expected_top1_accuracy"));
    }

    @Test
    void estimateIsFlaggedAndEmptyIsNaN() {
        assertThat(empty().estimate().accuracy()).isNaN();
        EstimatedBinaryPerformance estimate = PerformanceEstimator.estimateBinary(new double[] {0.9, 0.2}, 0.5);
        assertThat(estimate.toMap()).containsEntry("estimated", true).containsKeys("accuracy", "precision",
                "recall", "f1", "expected_confusion_matrix");
        assertClose("accuracy", estimate.accuracy(), (0.9 + 0.8) / 2);
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> empty().add(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("score");
        assertThatThrownBy(() -> PerformanceEstimator.estimateBinary(new double[0], 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> empty().merge(new ExpectedConfusionAccumulator(0.4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
    }
}
