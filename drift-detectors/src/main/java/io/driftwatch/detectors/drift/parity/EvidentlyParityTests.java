package io.driftwatch.detectors.drift.parity;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.binned.DivergenceOptions;
import io.driftwatch.detectors.drift.binned.HistogramDivergence;
import io.driftwatch.detectors.drift.binned.LogBase;
import io.driftwatch.detectors.drift.categorical.CategoricalDriftTests;
import io.driftwatch.detectors.drift.categorical.CategoryTable;
import java.util.List;
import org.apache.commons.math3.special.Gamma;

/**
 * The histogram-type tests of Evidently 0.4.x's default selection, computed on {@link EvidentlyBinnedData}:
 *
 * <ul>
 *   <li>Jensen–Shannon ({@code _jensenshannon}): {@code scipy.spatial.distance.jensenshannon} of the two
 *       proportion vectors, empty bins left at 0 ({@code feel_zeroes=False}). Evidently 0.4.x passes
 *       {@code base=2} ({@link #EVIDENTLY_JS_BASE}); older and newer releases use the natural log, so the base
 *       is a parameter.</li>
 *   <li>Chi-square ({@code _chi_stat_test}): a <em>goodness-of-fit</em> test {@code scipy.stats.chisquare(
 *       f_obs = current counts, f_exp = reference counts * n_cur / n_ref)} with {@code k - 1} degrees of
 *       freedom, not the homogeneity test of {@code drift.categorical}. A value seen only in the current
 *       window has expected 0, so the statistic is infinite and p = 0, as in scipy. With a single value
 *       there is no freedom: statistic 0, p = 1.</li>
 *   <li>z ({@code _z_stat_test}): two-proportion z-test, delegated to {@link CategoricalDriftTests}.</li>
 *   <li>PSI and KL ({@code psi}, {@code kl_div}; not chosen by default but selectable in Evidently): on
 *       proportions with empty bins filled ({@link EmptyBinFill#EVIDENTLY} in Evidently), PSI
 *       {@code sum((r - c) ln(r / c))} without renormalising, KL {@code scipy.stats.entropy(r, c)} which
 *       renormalises the filled vectors. These differ from {@code drift.binned}'s PSI/KL, which clip at a floor
 *       instead of filling zeros.</li>
 * </ul>
 * KS and normed Wasserstein decisions are computed on raw values by {@code drift.numeric}.
 */
public final class EvidentlyParityTests {

    /** Logarithm base of Evidently 0.4.x's Jensen–Shannon distance ({@code base: float = 2}). */
    public static final LogBase EVIDENTLY_JS_BASE = LogBase.TWO;

    private EvidentlyParityTests() {}

    /** Runs a histogram-type decision (chi-square, z or Jensen–Shannon) on numeric columns. */
    public static DriftResult run(ParityDecision decision, double[] reference, double[] current) {
        return run(decision, EvidentlyBinnedData.numeric(reference, current));
    }

    /** Runs a decision on categorical columns. */
    public static DriftResult run(ParityDecision decision, List<String> reference, List<String> current) {
        return run(decision, EvidentlyBinnedData.categorical(reference, current));
    }

    static DriftResult run(ParityDecision decision, BinnedColumns binned) {
        return switch (decision.test()) {
            case JENSEN_SHANNON -> jensenShannon(binned, decision.threshold(), EVIDENTLY_JS_BASE);
            case CHI_SQUARE -> chiSquareGoodnessOfFit(binned, decision.threshold());
            case Z -> zTest(binned, decision.threshold());
            default -> throw new IllegalArgumentException(decision.test().id()
                    + " runs on raw values (drift.numeric), not on Evidently's bins");
        };
    }

    /** Evidently's Jensen–Shannon distance; drift when at least {@code threshold}. */
    public static DriftResult jensenShannon(BinnedColumns binned, double threshold, LogBase base) {
        double distance = HistogramDivergence.JENSEN_SHANNON.distance(binned.referenceProportions(EmptyBinFill.NONE),
                binned.currentProportions(EmptyBinFill.NONE), DivergenceOptions.DEFAULT.withJsLogBase(base));
        return DriftResult.exact(DriftTestId.JENSEN_SHANNON, distance, Double.NaN, threshold);
    }

    /** Evidently's PSI; drift when at least {@code threshold}. */
    public static DriftResult psi(BinnedColumns binned, double threshold, EmptyBinFill fill) {
        double[] r = binned.referenceProportions(fill);
        double[] c = binned.currentProportions(fill);
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            sum += (r[i] - c[i]) * Math.log(r[i] / c[i]);
        }
        return DriftResult.exact(DriftTestId.PSI, sum, Double.NaN, threshold);
    }

    /** Evidently's KL(reference || current) in nats; drift when at least {@code threshold}. */
    public static DriftResult klDiv(BinnedColumns binned, double threshold, EmptyBinFill fill) {
        double[] r = renormalised(binned.referenceProportions(fill));
        double[] c = renormalised(binned.currentProportions(fill));
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            sum += r[i] == 0 ? 0.0 : r[i] * Math.log(r[i] / c[i]);
        }
        return DriftResult.exact(DriftTestId.KL_DIV, sum, Double.NaN, threshold);
    }

    private static double[] renormalised(double[] p) {
        double total = 0;
        for (double v : p) {
            total += v;
        }
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] / total;
        }
        return out;
    }

    /** Evidently's chi-square goodness-of-fit of current against scaled reference counts. */
    public static DriftResult chiSquareGoodnessOfFit(BinnedColumns binned, double threshold) {
        double[] ref = binned.reference();
        double[] cur = binned.current();
        double refTotal = 0;
        double curTotal = 0;
        for (int i = 0; i < ref.length; i++) {
            refTotal += ref[i];
            curTotal += cur[i];
        }
        double scale = curTotal / refTotal;
        double statistic = 0;
        for (int i = 0; i < ref.length; i++) {
            double expected = ref[i] * scale;
            double diff = cur[i] - expected;
            statistic += expected == 0 ? Double.POSITIVE_INFINITY : diff * diff / expected;
        }
        int dof = ref.length - 1;
        double p = dof == 0 ? 1.0
                : Double.isInfinite(statistic) ? 0.0 : Gamma.regularizedGammaQ(dof / 2.0, statistic / 2.0);
        return DriftResult.exact(DriftTestId.CHI_SQUARE, dof == 0 ? 0.0 : statistic, p, threshold);
    }

    /** Evidently's z-test; the first bin (smallest value) is the "failure", as Evidently orders keys. */
    public static DriftResult zTest(BinnedColumns binned, double threshold) {
        double[] ref = binned.reference();
        double[] cur = binned.current();
        long[] refCounts = new long[ref.length];
        long[] curCounts = new long[cur.length];
        for (int i = 0; i < ref.length; i++) {
            refCounts[i] = (long) ref[i];
            curCounts[i] = (long) cur[i];
        }
        CategoryTable table = new CategoryTable(binned.labels(), refCounts, curCounts);
        return CategoricalDriftTests.test(DriftTestId.Z, table, threshold, DivergenceOptions.DEFAULT);
    }
}
