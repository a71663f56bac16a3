package io.driftwatch.flink.drift;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.binned.DivergenceOptions;
import io.driftwatch.detectors.drift.binned.HistogramDivergence;
import io.driftwatch.detectors.drift.categorical.CategoricalDriftTests;
import io.driftwatch.detectors.sketch.CategoryCounts;
import io.driftwatch.detectors.sketch.NumericWindowState;
import io.driftwatch.detectors.sketch.SketchDriftTests;
import io.driftwatch.flink.config.DriftConfig;
import io.driftwatch.flink.config.TestSelection;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs the configured drift tests ({@link DriftConfig#testsFor}) of one feature on a window's state against
 * its reference, with the configured thresholds, using only {@code drift-detectors}.
 *
 * <p>Streaming supports, on numeric features: the histogram divergences ({@link #BINNED}) on the reference
 * bins, and KS and Wasserstein (normed by the reference std, or raw) on the quantile sketches
 * ({@link SketchDriftTests}, with error bounds); on categorical features: {@link CategoricalDriftTests#SUPPORTED}.
 * {@code auto} is {@link #AUTO_NUMERIC} and {@link #AUTO_CATEGORICAL}. Tests that need raw samples (e.g.
 * Anderson-Darling) are rejected when the job is built ({@link #requireStreamable}); a test listed for a
 * feature of the other kind is skipped.
 *
 * <p>Edge cases: a window without a finite numeric value (or without a category) yields no result; normed
 * Wasserstein is skipped when the reference std is 0 (all-equal reference: the normed distance is undefined).
 * Categories past the window's cap are compared as one category {@value #OTHER}.
 */
public final class DriftEvaluator implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final Set<DriftTestId> BINNED = EnumSet.of(DriftTestId.PSI, DriftTestId.JENSEN_SHANNON,
            DriftTestId.HELLINGER, DriftTestId.KL_DIV, DriftTestId.TVD, DriftTestId.LINF);
    public static final Set<DriftTestId> SKETCHED = EnumSet.of(DriftTestId.KS, DriftTestId.WASSERSTEIN,
            DriftTestId.WASSERSTEIN_RAW);
    public static final List<DriftTestId> AUTO_NUMERIC = List.of(DriftTestId.PSI, DriftTestId.JENSEN_SHANNON,
            DriftTestId.KS, DriftTestId.WASSERSTEIN);
    public static final List<DriftTestId> AUTO_CATEGORICAL = List.of(DriftTestId.PSI, DriftTestId.JENSEN_SHANNON);
    /** Category name of a window's overflow past its category cap. */
    public static final String OTHER = "__other__";

    private final DriftConfig config;

    public DriftEvaluator(DriftConfig config) {
        this.config = requireStreamable(config);
    }

    /** {@code config}, after checking every configured test can run on window state. */
    public static DriftConfig requireStreamable(DriftConfig config) {
        Objects.requireNonNull(config, "config");
        List<TestSelection> selections = new ArrayList<>(config.features().values());
        selections.add(config.tests());
        for (TestSelection selection : selections) {
            for (DriftTestId test : selection.tests()) {
                if (!BINNED.contains(test) && !SKETCHED.contains(test) && !CategoricalDriftTests.SUPPORTED.contains(test)) {
                    throw new IllegalArgumentException("drift test '" + test.id() + "' needs raw samples and cannot "
                            + "run on streaming window state; streaming supports " + streamableIds());
                }
            }
        }
        return config;
    }

    private static List<String> streamableIds() {
        Set<DriftTestId> all = EnumSet.copyOf(BINNED);
        all.addAll(SKETCHED);
        all.addAll(CategoricalDriftTests.SUPPORTED);
        return all.stream().map(DriftTestId::id).toList();
    }

    /** Numeric tests of {@code feature}; {@code current} must be framed by the reference's bins. */
    public List<DriftResult> numeric(String feature, NumericReference reference, NumericWindowState current) {
        List<DriftResult> results = new ArrayList<>();
        if (current.sketch().isEmpty() || reference.count() == 0) {
            return results;
        }
        for (DriftTestId test : testsOf(feature, AUTO_NUMERIC)) {
            double threshold = config.threshold(test);
            if (BINNED.contains(test)) {
                results.add(HistogramDivergence.of(test).test(toDoubles(reference.binCounts()),
                        toDoubles(current.bins().counts()), threshold, DivergenceOptions.DEFAULT));
            } else if (test == DriftTestId.KS) {
                results.add(SketchDriftTests.ks(reference.sketch(), current.sketch(), threshold));
            } else if (test == DriftTestId.WASSERSTEIN_RAW) {
                results.add(SketchDriftTests.wassersteinRaw(reference.sketch(), current.sketch(), threshold));
            } else if (test == DriftTestId.WASSERSTEIN && reference.std() > 0) {
                results.add(SketchDriftTests.wassersteinNormed(reference.sketch(), current.sketch(), reference.std(),
                        threshold));
            }
        }
        return results;
    }

    /** Categorical tests of {@code feature}. */
    public List<DriftResult> categorical(String feature, Map<String, Long> reference, CategoryCounts current) {
        List<DriftResult> results = new ArrayList<>();
        Map<String, Long> counts = withOther(current);
        if (counts.isEmpty() || reference.isEmpty()) {
            return results;
        }
        for (DriftTestId test : testsOf(feature, AUTO_CATEGORICAL)) {
            if (CategoricalDriftTests.SUPPORTED.contains(test)) {
                results.add(CategoricalDriftTests.test(test, reference, counts, config.threshold(test),
                        DivergenceOptions.DEFAULT));
            }
        }
        return results;
    }

    /** The window's counts with its overflow as category {@value #OTHER}. */
    public static Map<String, Long> withOther(CategoryCounts counts) {
        Map<String, Long> all = new TreeMap<>(counts.counts());
        if (counts.otherCount() > 0) {
            all.merge(OTHER, counts.otherCount(), Long::sum);
        }
        return all;
    }

    private List<DriftTestId> testsOf(String feature, List<DriftTestId> auto) {
        TestSelection selection = config.testsFor(feature);
        return selection.isAuto() ? auto : selection.tests();
    }

    private static double[] toDoubles(long[] counts) {
        double[] d = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            d[i] = counts[i];
        }
        return d;
    }
}
