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

class RegressionAccumulatorTest extends MergeableStateContract<RegressionAccumulator> {

    @Override
    protected RegressionAccumulator empty() {
        return new RegressionAccumulator();
    }

    @Override
    protected void addRandom(RegressionAccumulator state, Random random) {
        for (int i = 0; i < 100; i++) {
            double y = 5 + 2 * random.nextGaussian();
            state.add(y, y + random.nextGaussian());
        }
    }

    @Override
    protected RegressionAccumulator fromBytes(byte[] bytes) {
        return RegressionAccumulator.fromBytes(bytes);
    }

    @Override
    protected void assertEquivalent(RegressionAccumulator actual, RegressionAccumulator expected) {
        assertThat(actual.count()).isEqualTo(expected.count());
        RegressionMetrics a = actual.metrics();
        RegressionMetrics e = expected.metrics();
        assertClose("mae", a.mae(), e.mae());
        assertClose("rmse", a.rmse(), e.rmse());
        assertClose("mape", a.mape(), e.mape());
        assertClose("r2", a.r2(), e.r2());
    }

    static Stream<Named<JsonNode>> cases() {
        return Reference.cases("performance_regression.json");
    }

    private static void assertMatches(RegressionMetrics m, JsonNode expected) {
        assertClose("mae", m.mae(), expected.get("mae"));
        assertClose("rmse", m.rmse(), expected.get("rmse"));
        assertClose("mape", m.mape(), expected.get("mape"));
        assertClose("r2", m.r2(), expected.get("r2"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void evaluatorMatchesSklearn(JsonNode c) {
        assertMatches(RegressionEvaluator.evaluate(Reference.doubles(c.get("y_true")),
                Reference.doubles(c.get("y_pred"))), c.get("expected"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void mergedAccumulatorsMatchSklearn(JsonNode c) {
        double[] truth = Reference.doubles(c.get("y_true"));
        double[] predicted = Reference.doubles(c.get("y_pred"));
        RegressionAccumulator[] parts = {new RegressionAccumulator(), new RegressionAccumulator(),
            new RegressionAccumulator()};
        for (int i = 0; i < truth.length; i++) {
            parts[(i * 7) % parts.length].add(truth[i], predicted[i]);
        }
        parts[2].merge(parts[0]);
        parts[2].merge(parts[1]);
        assertMatches(RegressionAccumulator.fromBytes(parts[2].toBytes()).metrics(), c.get("expected"));
    }

    @Test
    void mapeFloorIsFloat64Epsilon() {
        assertThat(RegressionAccumulator.MAPE_EPSILON).isEqualTo(2.220446049250313e-16);
        RegressionMetrics m = RegressionEvaluator.evaluate(new double[] {0.0, 1.0}, new double[] {1.0, 1.0});
        assertThat(m.mape()).isEqualTo(0.5 / RegressionAccumulator.MAPE_EPSILON);
        assertThat(m.toMap().keySet()).containsExactly("mae", "rmse", "mape", "r2");
    }

    @Test
    void emptyIsNaNAndBadInputIsRejected() {
        RegressionMetrics m = empty().metrics();
        assertThat(new double[] {m.mae(), m.rmse(), m.mape(), m.r2()}).containsOnly(Double.NaN);
        assertThatThrownBy(() -> empty().add(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("true value");
        assertThatThrownBy(() -> empty().add(1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("predicted value");
        assertThatThrownBy(() -> RegressionEvaluator.evaluate(new double[] {1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
    }
}
