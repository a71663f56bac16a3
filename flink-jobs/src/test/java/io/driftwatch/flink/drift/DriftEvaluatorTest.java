package io.driftwatch.flink.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.categorical.CategoricalDriftTests;
import io.driftwatch.detectors.sketch.CategoryCounts;
import io.driftwatch.detectors.sketch.NumericWindowState;
import io.driftwatch.detectors.sketch.SketchDriftTests;
import io.driftwatch.flink.config.BinningStrategy;
import io.driftwatch.flink.config.DriftConfig;
import io.driftwatch.flink.config.TestSelection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriftEvaluatorTest {

    private static DriftConfig config(TestSelection tests, Map<DriftTestId, Double> thresholds) {
        return new DriftConfig(tests, Map.of(), thresholds, 10, BinningStrategy.QUANTILE);
    }

    private static NumericWindowState state(double... values) {
        NumericWindowState s = new NumericWindowState(new double[] {0.5}, 0, 1);
        for (double v : values) {
            s.add(v);
        }
        return s;
    }

    @Test
    void testsNeedingRawSamplesAreRejectedWhenTheJobIsBuilt() {
        DriftConfig anderson = config(new TestSelection(List.of(DriftTestId.ANDERSON)), Map.of());
        assertThatThrownBy(() -> new DriftEvaluator(anderson)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'anderson'").hasMessageContaining("ks");
    }

    @Test
    void explicitTestsUseConfiguredThresholdsAndSkipTestsOfTheOtherKind() {
        DriftEvaluator evaluator = new DriftEvaluator(config(new TestSelection(List.of(DriftTestId.KS,
                DriftTestId.CHI_SQUARE, DriftTestId.WASSERSTEIN)), Map.of(DriftTestId.KS, 0.01)));
        NumericWindowState reference = state(0.1, 0.2, 0.3, 0.7, 0.8);
        NumericWindowState current = state(0.6, 0.7, 0.8, 0.9);
        List<DriftResult> results = evaluator.numeric("x", NumericReference.of(reference), current);
        assertThat(results).extracting(DriftResult::test).containsExactly(DriftTestId.KS, DriftTestId.WASSERSTEIN);
        assertThat(results.get(0)).isEqualTo(SketchDriftTests.ks(reference.sketch(), current.sketch(), 0.01));

        CategoryCounts counts = new CategoryCounts(2);
        List.of("a", "b", "c", "a").forEach(counts::add);
        List<DriftResult> categorical = evaluator.categorical("y", Map.of("a", 5L, "b", 5L), counts);
        assertThat(categorical).extracting(DriftResult::test).containsExactly(DriftTestId.CHI_SQUARE);
        assertThat(categorical.get(0).statistic()).isEqualTo(CategoricalDriftTests.test(DriftTestId.CHI_SQUARE,
                Map.of("a", 5L, "b", 5L), Map.of("a", 2L, "b", 1L, DriftEvaluator.OTHER, 1L)).statistic());
    }

    @Test
    void emptyWindowsAndAllEqualReferencesGiveNoUndefinedStatistic() {
        DriftEvaluator evaluator = new DriftEvaluator(config(TestSelection.AUTO, Map.of()));
        NumericWindowState constant = state(0.4, 0.4, 0.4);
        assertThat(evaluator.numeric("x", NumericReference.of(constant), state())).isEmpty();
        assertThat(evaluator.numeric("x", NumericReference.of(constant), state(0.2, 0.9)))
                .extracting(DriftResult::test)
                .containsExactly(DriftTestId.PSI, DriftTestId.JENSEN_SHANNON, DriftTestId.KS);
        assertThat(evaluator.categorical("y", Map.of("a", 1L), new CategoryCounts(3))).isEmpty();
    }
}
