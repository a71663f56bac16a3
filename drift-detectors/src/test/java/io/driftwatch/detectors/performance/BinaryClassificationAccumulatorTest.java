package io.driftwatch.detectors.performance;

import static io.driftwatch.detectors.performance.Reference.number;
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
import org.junit.jupiter.params.provider.ValueSource;

class BinaryClassificationAccumulatorTest extends MergeableStateContract<BinaryClassificationAccumulator> {
    /** Slack for floating-point rounding on top of a proven bound. */
    private static final double ROUNDING_SLACK = 1e-12;
    /** The task's target: AUC/AP bounds below 0.01 for continuous scores and n >= 1000. */
    private static final double SMALL_BOUND = 0.01;
    private static final double[] EDGE_SCORES = {0.0, 0.1, 0.3, 0.7, 1.0};

    @Override
    protected BinaryClassificationAccumulator empty() {
        return new BinaryClassificationAccumulator(0.5);
    }

    @Override
    protected void addRandom(BinaryClassificationAccumulator state, Random random) {
        for (int i = 0; i < 300; i++) {
            double score = random.nextInt(10) == 0 ? EDGE_SCORES[random.nextInt(EDGE_SCORES.length)]
                    : random.nextDouble();
            state.add(score, random.nextDouble() < score ? 1 : 0);
        }
    }

    @Override
    protected BinaryClassificationAccumulator fromBytes(byte[] bytes) {
        return BinaryClassificationAccumulator.fromBytes(bytes);
    }

    @Override
    protected void assertEquivalent(BinaryClassificationAccumulator actual, BinaryClassificationAccumulator expected) {
        assertThat(actual.count()).isEqualTo(expected.count());
        assertThat(actual.threshold()).isEqualTo(expected.threshold());
        assertThat(actual.histogramResolution()).isEqualTo(expected.histogramResolution());
        BinaryClassificationMetrics a = actual.metrics();
        BinaryClassificationMetrics e = expected.metrics();
        assertThat(a.confusionMatrix()).isEqualTo(e.confusionMatrix());
        assertThat(a.reliability().stream().mapToLong(ReliabilityBin::count))
                .containsExactlyElementsOf(e.reliability().stream().mapToLong(ReliabilityBin::count).boxed().toList());
        // Sums of doubles may differ in the last bits with merge order.
        assertSame("ece", a.ece(), e.ece());
        assertSame("mce", a.mce(), e.mce());
        assertSame("ace", a.ace(), e.ace());
        assertSame("brier", a.brier(), e.brier());
        assertSame("log loss", a.logLoss(), e.logLoss());
        assertSame("auc", a.rocAuc(), e.rocAuc());
        assertSame("ap", a.averagePrecision(), e.averagePrecision());
        assertSame("auc bound", actual.rocAuc().errorBound(), expected.rocAuc().errorBound());
        assertSame("ap bound", actual.averagePrecision().errorBound(), expected.averagePrecision().errorBound());
    }

    private static void assertSame(String what, double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).as(what).isNaN();
        } else {
            assertThat(Math.abs(actual - expected)).as(what).isLessThanOrEqualTo(1e-12 * (1 + Math.abs(expected)));
        }
    }

    static Stream<Named<JsonNode>> cases() {
        return BinaryClassificationEvaluatorTest.cases();
    }

    /** Feeds a reference case into three accumulators, merges them and round-trips the result through bytes. */
    private static BinaryClassificationAccumulator accumulate(JsonNode c, int resolution) {
        double[] scores = Reference.doubles(c.get("scores"));
        int[] labels = Reference.ints(c.get("labels"));
        double threshold = c.get("threshold").asDouble();
        BinaryClassificationAccumulator[] parts = new BinaryClassificationAccumulator[3];
        for (int p = 0; p < parts.length; p++) {
            parts[p] = new BinaryClassificationAccumulator(threshold, resolution, c.get("bins").asInt());
        }
        for (int i = 0; i < scores.length; i++) {
            parts[i % parts.length].add(scores[i], labels[i]);
        }
        parts[0].merge(parts[1]);
        parts[0].merge(parts[2]);
        return BinaryClassificationAccumulator.fromBytes(parts[0].toBytes());
    }

    private static void assertWithinBound(String what, ApproximateValue approximate, double exact) {
        if (Double.isNaN(exact)) {
            assertThat(approximate.value()).as(what).isNaN();
            return;
        }
        assertThat(Math.abs(approximate.value() - exact)).as(what + " " + approximate + " vs " + exact)
                .isLessThanOrEqualTo(approximate.errorBound() + ROUNDING_SLACK);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void exactMetricsMatchSklearnAndApproximationsStayWithinTheirBounds(JsonNode c) {
        BinaryClassificationAccumulator accumulator =
                accumulate(c, BinaryClassificationAccumulator.DEFAULT_HISTOGRAM_BINS);
        JsonNode expected = c.get("expected");
        BinaryClassificationEvaluatorTest.assertExactMetrics(accumulator.metrics(), expected);
        assertWithinBound("roc_auc", accumulator.rocAuc(), number(expected.get("roc_auc")));
        assertWithinBound("average_precision", accumulator.averagePrecision(),
                number(expected.get("average_precision")));
        assertWithinBound("ace", accumulator.adaptiveCalibrationError(), number(expected.get("ace")));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 100})
    void boundsHoldEvenForCoarseHistograms(int resolution) {
        cases().map(Named::getPayload).forEach(c -> {
            BinaryClassificationAccumulator accumulator = accumulate(c, resolution);
            JsonNode expected = c.get("expected");
            String name = c.get("name").asText() + " at resolution " + resolution;
            assertWithinBound(name + " roc_auc", accumulator.rocAuc(), number(expected.get("roc_auc")));
            assertWithinBound(name + " average_precision", accumulator.averagePrecision(),
                    number(expected.get("average_precision")));
            assertWithinBound(name + " ace", accumulator.adaptiveCalibrationError(), number(expected.get("ace")));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"well_calibrated_n2000", "well_calibrated_n1000_threshold_0.3",
        "miscalibrated_overconfident", "imbalanced_2pct"})
    void boundsAreSmallForContinuousScores(String name) {
        JsonNode c = cases().map(Named::getPayload).filter(n -> n.get("name").asText().equals(name))
                .findFirst().orElseThrow();
        assertThat(c.get("scores").size()).isGreaterThanOrEqualTo(1000);
        BinaryClassificationAccumulator accumulator =
                accumulate(c, BinaryClassificationAccumulator.DEFAULT_HISTOGRAM_BINS);
        assertThat(accumulator.rocAuc().errorBound()).isLessThan(SMALL_BOUND);
        assertThat(accumulator.averagePrecision().errorBound()).isLessThan(SMALL_BOUND);
        assertThat(accumulator.adaptiveCalibrationError().errorBound()).isLessThan(SMALL_BOUND);
    }

    @Test
    void sizeStaysBoundedWhateverTheCount() {
        BinaryClassificationAccumulator accumulator = new BinaryClassificationAccumulator(0.5);
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            accumulator.add(random.nextDouble(), random.nextInt(2));
        }
        int maxBytes = 1 + new BinaryTally(0.5, BinaryClassificationEvaluator.DEFAULT_BINS).encodedSize() + 2 * Integer.BYTES
                + BinaryClassificationAccumulator.DEFAULT_HISTOGRAM_BINS * (Integer.BYTES + 2 * Long.BYTES + Double.BYTES);
        assertThat(accumulator.toBytes().length).isLessThanOrEqualTo(maxBytes);
        assertThat(accumulator.count()).isEqualTo(200_000);
    }

    @Test
    void emptyAccumulatorReportsNaN() {
        BinaryClassificationAccumulator accumulator = empty();
        BinaryClassificationMetrics m = accumulator.metrics();
        assertThat(new double[] {m.ece(), m.mce(), m.ace(), m.brier(), m.logLoss(), m.rocAuc(),
            m.averagePrecision(), m.precision(), m.recall(), m.f1(), m.accuracy()}).containsOnly(Double.NaN);
        assertThat(accumulator.rocAuc().errorBound()).isNaN();
    }

    @Test
    void mismatchedConfigurationsDoNotMerge() {
        BinaryClassificationAccumulator a = new BinaryClassificationAccumulator(0.5);
        assertThatThrownBy(() -> a.merge(new BinaryClassificationAccumulator(0.4)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
        assertThatThrownBy(() -> a.merge(new BinaryClassificationAccumulator(0.5, 100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resolution");
    }

    @Test
    void badInputAndBadBytesAreRejected() {
        BinaryClassificationAccumulator a = empty();
        assertThatThrownBy(() -> a.add(-0.1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("score");
        assertThatThrownBy(() -> a.add(0.1, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("label");
        assertThatThrownBy(() -> new BinaryClassificationAccumulator(0.5, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("histogram bins");
        byte[] bytes = a.toBytes();
        bytes[0] = 99;
        assertThatThrownBy(() -> BinaryClassificationAccumulator.fromBytes(bytes))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        byte[] truncated = java.util.Arrays.copyOf(a.toBytes(), 20);
        assertThatThrownBy(() -> BinaryClassificationAccumulator.fromBytes(truncated))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    }
}
