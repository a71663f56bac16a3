package io.driftwatch.detectors.drift.categorical;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.binned.DivergenceOptions;
import io.driftwatch.detectors.drift.binned.HistogramDivergence;
import io.driftwatch.detectors.profile.CategoricalProfile;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Drift tests on category counts: reference and current {@code category -> count} maps are aligned on the
 * union of their categories ({@link CategoryTable}: a category seen in one window only has count 0 in the
 * other; one absent from both contributes nothing).
 *
 * <ul>
 *   <li>{@link DriftTestId#CHI_SQUARE}: Pearson homogeneity on the 2 x k table, no continuity correction
 *       ({@code chi2_contingency(table, correction=False)}); statistic chi-square.</li>
 *   <li>{@link DriftTestId#G_TEST}: the same with the log-likelihood statistic.</li>
 *   <li>{@link DriftTestId#Z}: two-proportion z-test for a binary feature (Evidently's {@code z_stat_test});
 *       statistic z.</li>
 *   <li>{@link DriftTestId#FISHER_EXACT}: two-sided Fisher exact test for two categories; statistic the odds
 *       ratio.</li>
 *   <li>{@link DriftTestId#TVD}, {@link DriftTestId#LINF}, {@link DriftTestId#JENSEN_SHANNON},
 *       {@link DriftTestId#PSI}, {@link DriftTestId#HELLINGER}, {@link DriftTestId#KL_DIV}: the
 *       {@link HistogramDivergence} over category proportions (PSI and KL clip empty categories at
 *       {@link DivergenceOptions#proportionFloor()}).</li>
 * </ul>
 * With a single category overall every test reports no drift (p = 1, distance 0). An empty window, a
 * negative count or a null category is an {@link IllegalArgumentException}; so is a z or Fisher test on
 * more than two categories.
 */
public final class CategoricalDriftTests {

    /** Tests this class runs. */
    public static final Set<DriftTestId> SUPPORTED = EnumSet.of(DriftTestId.CHI_SQUARE, DriftTestId.G_TEST,
            DriftTestId.Z, DriftTestId.FISHER_EXACT, DriftTestId.TVD, DriftTestId.LINF, DriftTestId.JENSEN_SHANNON,
            DriftTestId.PSI, DriftTestId.HELLINGER, DriftTestId.KL_DIV);

    private CategoricalDriftTests() {}

    /** Runs {@code test} with its default threshold and default divergence options. */
    public static DriftResult test(DriftTestId test, Map<String, Long> reference, Map<String, Long> current) {
        return test(test, reference, current, test.defaultThreshold(), DivergenceOptions.DEFAULT);
    }

    public static DriftResult test(DriftTestId test, CategoricalProfile reference, Map<String, Long> current) {
        return test(test, reference.counts(), current);
    }

    public static DriftResult test(DriftTestId test, Map<String, Long> reference, Map<String, Long> current,
                                   double threshold, DivergenceOptions options) {
        return test(test, CategoryTable.align(reference, current), threshold, options);
    }

    /** Runs {@code test} on an already aligned table. */
    public static DriftResult test(DriftTestId test, CategoryTable table, double threshold,
                                   DivergenceOptions options) {
        TestOutcome outcome = switch (test) {
            case CHI_SQUARE -> ContingencyTests.test(table, ContingencyTests.Statistic.PEARSON);
            case G_TEST -> ContingencyTests.test(table, ContingencyTests.Statistic.LOG_LIKELIHOOD);
            case Z -> TwoProportionZTest.test(table);
            case FISHER_EXACT -> FisherExactTest.test(table);
            case TVD, LINF, JENSEN_SHANNON, PSI, HELLINGER, KL_DIV -> new TestOutcome(HistogramDivergence.of(test)
                    .distance(table.referenceAsDoubles(), table.currentAsDoubles(), options), Double.NaN);
            default -> throw new IllegalArgumentException(test.id() + " is not a categorical test; supported: "
                    + SUPPORTED);
        };
        return DriftResult.exact(test, outcome.statistic(), outcome.pValue(), threshold);
    }
}
