package io.driftwatch.detectors.performance;

import static io.driftwatch.detectors.performance.Reference.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BinaryClassificationEvaluatorTest {

    static Stream<Named<JsonNode>> cases() {
        return Reference.cases("performance_binary.json");
    }

    static BinaryClassificationMetrics evaluate(JsonNode c) {
        return BinaryClassificationEvaluator.evaluate(Reference.doubles(c.get("scores")),
                Reference.ints(c.get("labels")), c.get("threshold").asDouble(), c.get("bins").asInt());
    }

    /** Asserts the metrics that are exact in both the evaluator and the accumulator. */
    static void assertExactMetrics(BinaryClassificationMetrics actual, JsonNode expected) {
        assertClose("ece", actual.ece(), expected.get("ece"));
        assertClose("mce", actual.mce(), expected.get("mce"));
        assertClose("brier", actual.brier(), expected.get("brier"));
        assertClose("log_loss", actual.logLoss(), expected.get("log_loss"));
        assertClose("precision", actual.precision(), expected.get("precision"));
        assertClose("recall", actual.recall(), expected.get("recall"));
        assertClose("f1", actual.f1(), expected.get("f1"));
        assertClose("accuracy", actual.accuracy(), expected.get("accuracy"));
        JsonNode cm = expected.get("confusion_matrix");
        assertThat(actual.confusionMatrix().toNestedArray()).isEqualTo(new long[][] {
            {cm.get(0).get(0).asLong(), cm.get(0).get(1).asLong()},
            {cm.get(1).get(0).asLong(), cm.get(1).get(1).asLong()}});
        List<ReliabilityBin> bins = actual.reliability();
        assertThat(bins).hasSize(expected.get("reliability").size());
        for (int b = 0; b < bins.size(); b++) {
            JsonNode bin = expected.get("reliability").get(b);
            assertThat(bins.get(b).count()).as("bin %d count", b).isEqualTo(bin.get("count").asLong());
            assertClose("bin " + b + " mean predicted", bins.get(b).meanPredicted(), bin.get("mean_predicted"));
            assertClose("bin " + b + " fraction positive", bins.get(b).fractionPositive(),
                    bin.get("fraction_positive"));
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesSklearn(JsonNode c) {
        BinaryClassificationMetrics actual = evaluate(c);
        JsonNode expected = c.get("expected");
        assertExactMetrics(actual, expected);
        assertClose("ace", actual.ace(), expected.get("ace"));
        assertClose("roc_auc", actual.rocAuc(), expected.get("roc_auc"));
        assertClose("average_precision", actual.averagePrecision(), expected.get("average_precision"));
    }

    @Test
    void singleClassLeavesRankingMetricsUndefined() {
        BinaryClassificationMetrics m =
                BinaryClassificationEvaluator.evaluate(new double[] {0.2, 0.9, 0.4}, new int[] {0, 0, 0}, 0.5);
        assertThat(m.rocAuc()).isNaN();
        assertThat(m.averagePrecision()).isNaN();
        assertThat(m.brier()).isFinite();
        assertThat(m.confusionMatrix()).isEqualTo(new ConfusionMatrix(2, 1, 0, 0));
    }

    @Test
    void reliabilityBinsAreRightClosedLikeNumpySearchsorted() {
        double[] scores = {0.0, 0.1, 0.1000001, 0.3, 0.7, 1.0};
        int[] labels = {0, 0, 0, 0, 0, 0};
        List<ReliabilityBin> bins = BinaryClassificationEvaluator.evaluate(scores, labels, 0.5).reliability();
        assertThat(bins.stream().mapToLong(ReliabilityBin::count).toArray())
                .containsExactly(2, 1, 1, 0, 0, 0, 1, 0, 0, 1);
        assertThat(bins.get(2).upper()).isEqualTo(0.30000000000000004);
    }

    @Test
    void thresholdIsInclusive() {
        ConfusionMatrix cm = BinaryClassificationEvaluator.evaluate(
                new double[] {0.5, 0.49999}, new int[] {1, 1}, 0.5).confusionMatrix();
        assertThat(cm).isEqualTo(new ConfusionMatrix(0, 0, 1, 1));
    }

    @Test
    void logLossIsClippedAtOneMinusEps() {
        BinaryClassificationMetrics m =
                BinaryClassificationEvaluator.evaluate(new double[] {1.0, 0.0}, new int[] {0, 1}, 0.5);
        // Score 0 with label 1 costs -ln(eps); score 1 with label 0 costs -ln(1 - (1 - eps)), where 1 - eps
        // rounds in double, as it does in sklearn. Both are finite, about 34.54.
        double eps = BinaryTally.LOG_LOSS_EPS;
        assertClose("log loss", m.logLoss(), (-Math.log(eps) - Math.log(1.0 - (1.0 - eps))) / 2);
        assertThat(m.logLoss()).isBetween(34.5, 34.6);
    }

    @Test
    void mapKeysAreTheCliNames() {
        BinaryClassificationMetrics m =
                BinaryClassificationEvaluator.evaluate(new double[] {0.2, 0.8}, new int[] {0, 1}, 0.5);
        assertThat(m.toMap().keySet()).containsExactly("ece", "mce", "ace", "brier", "log_loss", "roc_auc",
                "average_precision", "precision", "recall", "f1", "accuracy", "confusion_matrix", "reliability");
        assertThat(Arrays.stream(MetricName.values()).map(MetricName::key)).containsExactly("ece", "mce", "ace",
                "brier", "log_loss", "roc_auc", "average_precision", "precision", "recall", "f1", "accuracy",
                "confusion_matrix", "reliability", "macro_f1", "top1_accuracy", "mae", "rmse", "mape", "r2");
    }

    @Test
    void badInputIsRejectedWithAReason() {
        assertThatThrownBy(() -> BinaryClassificationEvaluator.evaluate(new double[0], new int[0], 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> BinaryClassificationEvaluator.evaluate(new double[] {0.1}, new int[] {0, 1}, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> BinaryClassificationEvaluator.evaluate(new double[] {1.2}, new int[] {0}, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score");
        assertThatThrownBy(() -> BinaryClassificationEvaluator.evaluate(new double[] {Double.NaN}, new int[] {0}, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score");
        assertThatThrownBy(() -> BinaryClassificationEvaluator.evaluate(new double[] {0.3}, new int[] {2}, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label");
        assertThatThrownBy(() -> BinaryClassificationEvaluator.evaluate(new double[] {0.3}, new int[] {1}, 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reliability bins");
        assertThatThrownBy(() -> BinaryClassificationEvaluator.evaluate(new double[] {0.3}, new int[] {1}, 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
    }
}
