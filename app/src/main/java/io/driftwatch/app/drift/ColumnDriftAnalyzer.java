package io.driftwatch.app.drift;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.binned.DivergenceOptions;
import io.driftwatch.detectors.drift.binned.HistogramDivergence;
import io.driftwatch.detectors.drift.categorical.CategoricalDriftTests;
import io.driftwatch.detectors.drift.numeric.NumericDriftTests;
import io.driftwatch.detectors.drift.parity.EvidentlyDefaultTest;
import io.driftwatch.detectors.drift.parity.EvidentlyParityTests;
import io.driftwatch.detectors.drift.parity.ParityDecision;
import io.driftwatch.detectors.profile.BinEdges;
import io.driftwatch.detectors.profile.Binning;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs drift tests on one column of raw reference and current values.
 *
 * <p>Which test applies how: raw-sample tests (ks, wasserstein, ...) run on the values; histogram distances
 * (psi, jensenshannon, hellinger, kl_div, tvd, linf) run on counts over bins fixed from the reference with
 * the chosen {@link Binning}; categorical tests (chisquare, z, fisher_exact, g_test) run on category counts,
 * a numeric column's distinct values being its categories. {@code auto} picks one test per column by
 * Evidently's rules (type, reference size, distinct values) and runs Driftwatch's implementation of it;
 * {@link #evidentlyParity} also reproduces Evidently's own binning and chi-square variant.
 */
public final class ColumnDriftAnalyzer {

    private final Binning binning;

    public ColumnDriftAnalyzer(Binning binning) {
        this.binning = binning;
    }

    /** The test {@code auto} chooses for a numeric column, run with Driftwatch's implementation. */
    public DriftResult autoNumeric(double[] reference, double[] current) {
        ParityDecision decision = EvidentlyDefaultTest.forNumeric(reference, current);
        return numeric(decision.test(), reference, current, decision.threshold());
    }

    /** The test {@code auto} chooses for a categorical column, run with Driftwatch's implementation. */
    public DriftResult autoCategorical(List<String> reference, List<String> current) {
        ParityDecision decision = EvidentlyDefaultTest.forCategorical(reference, current);
        return categorical(decision.test(), reference, current, decision.threshold());
    }

    /** Evidently's choice and computation, for side-by-side comparison with an Evidently report. */
    public static DriftResult evidentlyParity(double[] reference, double[] current) {
        ParityDecision decision = EvidentlyDefaultTest.forNumeric(reference, current);
        return NumericDriftTests.supported().contains(decision.test())
                ? NumericDriftTests.of(decision.test()).test(reference, current, decision.threshold())
                : EvidentlyParityTests.run(decision, reference, current);
    }

    public static DriftResult evidentlyParity(List<String> reference, List<String> current) {
        return EvidentlyParityTests.run(EvidentlyDefaultTest.forCategorical(reference, current), reference, current);
    }

    /** Raw-sample tests and histogram distances apply to numeric columns. */
    public static boolean appliesToNumeric(DriftTestId test) {
        return NumericDriftTests.supported().contains(test) || isHistogramDistance(test);
    }

    /** Contingency tests and distances over category proportions apply to categorical columns. */
    public static boolean appliesToCategorical(DriftTestId test) {
        return CategoricalDriftTests.SUPPORTED.contains(test);
    }

    public DriftResult numeric(DriftTestId test, double[] reference, double[] current, double threshold) {
        if (NumericDriftTests.supported().contains(test)) {
            return NumericDriftTests.of(test).test(reference, current, threshold);
        }
        if (CategoricalDriftTests.SUPPORTED.contains(test) && !isHistogramDistance(test)) {
            return categorical(test, asCategories(reference), asCategories(current), threshold);
        }
        BinEdges edges = binning.edgesFor(reference);
        return HistogramDivergence.of(test).test(toDoubles(edges.histogram(reference)),
                toDoubles(edges.histogram(current)), threshold, DivergenceOptions.DEFAULT);
    }

    public DriftResult categorical(DriftTestId test, List<String> reference, List<String> current, double threshold) {
        if (!CategoricalDriftTests.SUPPORTED.contains(test)) {
            throw new IllegalArgumentException("test '" + test.id() + "' runs on numeric values, not on categories");
        }
        return CategoricalDriftTests.test(test, counts(reference), counts(current), threshold,
                DivergenceOptions.DEFAULT);
    }

    private static boolean isHistogramDistance(DriftTestId test) {
        return Arrays.stream(HistogramDivergence.values()).anyMatch(h -> h.testId() == test);
    }

    private static List<String> asCategories(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).toList();
    }

    private static Map<String, Long> counts(List<String> values) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String v : values) {
            counts.merge(v, 1L, Long::sum);
        }
        return counts;
    }

    private static double[] toDoubles(long[] counts) {
        return Arrays.stream(counts).asDoubleStream().toArray();
    }
}
