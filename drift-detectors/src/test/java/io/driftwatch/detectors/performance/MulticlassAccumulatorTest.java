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

class MulticlassAccumulatorTest extends MergeableStateContract<MulticlassAccumulator> {
    private static final int CLASSES = 5;

    @Override
    protected MulticlassAccumulator empty() {
        return new MulticlassAccumulator(CLASSES);
    }

    @Override
    protected void addRandom(MulticlassAccumulator state, Random random) {
        for (int i = 0; i < 200; i++) {
            int truth = random.nextInt(CLASSES);
            state.add(truth, random.nextInt(3) == 0 ? random.nextInt(CLASSES) : truth);
        }
    }

    @Override
    protected MulticlassAccumulator fromBytes(byte[] bytes) {
        return MulticlassAccumulator.fromBytes(bytes);
    }

    @Override
    protected void assertEquivalent(MulticlassAccumulator actual, MulticlassAccumulator expected) {
        assertThat(actual.classCount()).isEqualTo(expected.classCount());
        assertThat(actual.count()).isEqualTo(expected.count());
        for (int t = 0; t < CLASSES; t++) {
            for (int p = 0; p < CLASSES; p++) {
                assertThat(actual.count(t, p)).isEqualTo(expected.count(t, p));
            }
        }
        assertThat(actual.metrics()).isEqualTo(expected.metrics());
    }

    static Stream<Named<JsonNode>> cases() {
        return Reference.cases("performance_multiclass.json");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void evaluatorMatchesSklearn(JsonNode c) {
        MulticlassMetrics m = MulticlassEvaluator.evaluate(Reference.ints(c.get("labels")),
                Reference.matrix(c.get("probabilities")));
        assertClose("top1_accuracy", m.top1Accuracy(), c.get("expected").get("top1_accuracy"));
        assertClose("macro_f1", m.macroF1(), c.get("expected").get("macro_f1"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void argmaxTiesGoToTheFirstClassLikeNumpy(JsonNode c) {
        assertThat(MulticlassEvaluator.predictedClasses(Reference.matrix(c.get("probabilities"))))
                .containsExactly(Reference.ints(c.get("predicted")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void mergedAccumulatorsMatchSklearn(JsonNode c) {
        int[] labels = Reference.ints(c.get("labels"));
        double[][] probabilities = Reference.matrix(c.get("probabilities"));
        int classes = c.get("classes").asInt();
        MulticlassAccumulator first = new MulticlassAccumulator(classes);
        MulticlassAccumulator second = new MulticlassAccumulator(classes);
        for (int i = 0; i < labels.length; i++) {
            (i % 2 == 0 ? first : second).add(labels[i], probabilities[i]);
        }
        first.merge(second);
        MulticlassMetrics m = MulticlassAccumulator.fromBytes(first.toBytes()).metrics();
        assertClose("top1_accuracy", m.top1Accuracy(), c.get("expected").get("top1_accuracy"));
        assertClose("macro_f1", m.macroF1(), c.get("expected").get("macro_f1"));
    }

    @Test
    void classesNeverSeenDoNotEnterMacroF1() {
        MulticlassAccumulator state = new MulticlassAccumulator(10);
        state.add(0, 0);
        state.add(1, 1);
        assertThat(state.metrics()).isEqualTo(new MulticlassMetrics(1.0, 1.0));
        assertThat(state.metrics().toMap().keySet()).containsExactly("top1_accuracy", "macro_f1");
    }

    @Test
    void emptyIsNaNAndBadInputIsRejected() {
        assertThat(empty().metrics().top1Accuracy()).isNaN();
        assertThat(empty().metrics().macroF1()).isNaN();
        assertThatThrownBy(() -> empty().add(CLASSES, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("true class");
        assertThatThrownBy(() -> empty().add(0, new double[] {0.5, 0.5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probabilities");
        assertThatThrownBy(() -> new MulticlassAccumulator(MulticlassAccumulator.MAX_CLASSES + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class count");
        assertThatThrownBy(() -> empty().merge(new MulticlassAccumulator(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MulticlassEvaluator.evaluate(new int[] {-1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("true class");
    }
}
