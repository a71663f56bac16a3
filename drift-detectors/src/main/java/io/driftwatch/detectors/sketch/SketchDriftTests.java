package io.driftwatch.detectors.sketch;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import org.apache.datasketches.quantilescommon.DoublesSortedView;

/**
 * Two-sample drift tests on {@link QuantileSketch}es (reference vs current window), each returning the
 * statistic with an absolute {@link DriftResult#errorBound() error bound} from the sketches' rank errors.
 *
 * <p><b>Kolmogorov-Smirnov.</b> The statistic is {@code D = max |F1(x) - F2(x)|} over the retained items of
 * both sketches, {@code F} being each sketch's rank (fraction {@code <= x}); with exact sketches this is
 * the exact two-sample statistic. Its error bound is {@code eps1 + eps2}, the sketches' single-rank errors
 * ({@code getNormalizedRankError(false)}, 99% confidence each), as in datasketches' {@code KolmogorovSmirnov}.
 * The p-value is asymptotic: {@code P(K > sqrt(n_eff) * D)} with {@code n_eff = n1 n2 / (n1 + n2)} and
 * {@code K} the limiting Kolmogorov distribution ({@link KolmogorovDistribution}). <em>Decision rule:</em>
 * drift only if {@code D - (eps1 + eps2) > D_crit}, where {@code D_crit = K^-1(1 - alpha) / sqrt(n_eff)};
 * equivalently, the p-value of {@code max(0, D - eps1 - eps2)} is below {@code alpha}. The reported p-value
 * is the one of {@code D} itself. This is datasketches' rule with two differences: datasketches uses the
 * retained item counts instead of {@code n1, n2} in the critical value (more conservative still) and the
 * one-term approximation {@code sqrt(-ln(alpha / 2) / 2)} of {@code K^-1(1 - alpha)}. Note that scipy's
 * {@code ks_2samp(method='asymp')} uses the finite-n distribution {@code kstwo} at {@code round(n_eff)}
 * instead of the limit; on the reference cases its p-values are 4% to 44% (relative) smaller than the limit's,
 * the larger gaps only in the far tail (p around 1e-28).
 *
 * <p><b>Wasserstein-1.</b> {@code W = integral_0^1 |Q1(p) - Q2(p)| dp}, evaluated with the midpoint rule on
 * {@link #WASSERSTEIN_GRID_SIZE} cells, {@code Q} being each sketch's quantile function. Worst-case error
 * bound: {@code epsAll1 * R1 + epsAll2 * R2 + (R1 + R2) / grid}, where {@code epsAll} is the sketch's
 * all-ranks error ({@code getNormalizedRankError(true)}) and {@code R = max - min}. The first two terms
 * bound {@code integral |F_sketch - F|} (the sketch CDF is exact outside [min, max]); the last bounds the
 * midpoint rule for a function of total variation at most {@code R1 + R2}. The bound is worst case and
 * typically far above the actual error, so the Wasserstein decision uses the statistic itself
 * ({@code W >= threshold}) and reports the bound alongside. The normed variant divides W and its bound by a
 * given reference standard deviation.
 *
 * <p>Both sketches must be non-empty.
 */
public final class SketchDriftTests {

    /** Midpoint-rule cells for the Wasserstein integral: grid error at most (R1 + R2) / 10^4. */
    public static final int WASSERSTEIN_GRID_SIZE = 10_000;
    private static final double[] WASSERSTEIN_GRID = midpoints();

    private SketchDriftTests() {}

    /** KS statistic between the sketches (see the class comment). */
    public static double ksStatistic(QuantileSketch reference, QuantileSketch current) {
        requireNonEmpty(reference, current);
        DoublesSortedView first = reference.sortedView();
        DoublesSortedView second = current.sortedView();
        double[] xs = first.getQuantiles();
        double[] ys = second.getQuantiles();
        long[] xWeights = first.getCumulativeWeights();
        long[] yWeights = second.getCumulativeWeights();
        double n1 = first.getN();
        double n2 = second.getN();
        int i = 0;
        int j = 0;
        double statistic = 0;
        while (i < xs.length || j < ys.length) {
            double x = Math.min(i < xs.length ? xs[i] : Double.POSITIVE_INFINITY,
                    j < ys.length ? ys[j] : Double.POSITIVE_INFINITY);
            while (i < xs.length && xs[i] <= x) {
                i++;
            }
            while (j < ys.length && ys[j] <= x) {
                j++;
            }
            double rank1 = i == 0 ? 0 : xWeights[i - 1] / n1;
            double rank2 = j == 0 ? 0 : yWeights[j - 1] / n2;
            statistic = Math.max(statistic, Math.abs(rank1 - rank2));
        }
        return statistic;
    }

    /** Absolute error bound of {@link #ksStatistic}: the sum of both single-rank errors. */
    public static double ksErrorBound(QuantileSketch reference, QuantileSketch current) {
        return reference.normalizedRankError() + current.normalizedRankError();
    }

    /** Asymptotic two-sample KS p-value {@code P(K > sqrt(n_eff) * d)}. */
    public static double ksPValue(double statistic, long n1, long n2) {
        return KolmogorovDistribution.survival(Math.sqrt(effectiveN(n1, n2)) * statistic);
    }

    /** Smallest statistic an exact asymptotic KS test at level {@code alpha} calls drift. */
    public static double ksCriticalValue(double alpha, long n1, long n2) {
        return KolmogorovDistribution.inverseSurvival(alpha) / Math.sqrt(effectiveN(n1, n2));
    }

    /** KS test at level {@code alpha}, deciding with the error bound (see the class comment). */
    public static DriftResult ks(QuantileSketch reference, QuantileSketch current, double alpha) {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        double statistic = ksStatistic(reference, current);
        double bound = ksErrorBound(reference, current);
        double pValue = ksPValue(statistic, reference.n(), current.n());
        double conservativePValue = ksPValue(Math.max(0.0, statistic - bound), reference.n(), current.n());
        boolean drift = DriftTestId.KS.polarity().isDrift(conservativePValue, alpha);
        return new DriftResult(DriftTestId.KS, statistic, pValue, alpha, drift, bound);
    }

    private static double effectiveN(long n1, long n2) {
        if (n1 < 1 || n2 < 1) {
            throw new IllegalArgumentException("sample sizes must be positive, got " + n1 + " and " + n2);
        }
        return (double) n1 * n2 / ((double) n1 + n2);
    }

    /** Wasserstein-1 distance between the sketches in the data's units. */
    public static double wassersteinDistance(QuantileSketch reference, QuantileSketch current) {
        requireNonEmpty(reference, current);
        QuantileWalk first = new QuantileWalk(reference.sortedView());
        QuantileWalk second = new QuantileWalk(current.sortedView());
        double sum = 0;
        for (double p : WASSERSTEIN_GRID) {
            sum += Math.abs(first.quantile(p) - second.quantile(p));
        }
        return sum / WASSERSTEIN_GRID_SIZE;
    }

    /** The grid's midpoints {@code (cell + 0.5) / size}, computed once: a division per cell per test adds up. */
    private static double[] midpoints() {
        double[] grid = new double[WASSERSTEIN_GRID_SIZE];
        for (int cell = 0; cell < grid.length; cell++) {
            grid[cell] = (cell + 0.5) / WASSERSTEIN_GRID_SIZE;
        }
        return grid;
    }

    /**
     * {@code getQuantile(p, INCLUSIVE)} of a sorted view for non-decreasing {@code p}, by a forward scan
     * instead of a binary search per call (one pass over the retained items for the whole grid). Returns
     * exactly what datasketches 6.x returns: the first retained item whose cumulative weight {@code w} is at
     * least {@code ceil(r)}, where {@code r} is {@code p n} rounded to 7 decimals when {@code n <= 1e7}
     * ({@code QuantilesUtil.getNaturalRank}), else {@code p n}; the last item if there is none. As {@code w}
     * is an integer, {@code w < ceil(r)} iff {@code w < r}, and {@code |r - p n| <= 0.5e-7}, so only weights
     * within {@link #ROUNDING_MARGIN} of {@code p n} need the rounded rank.
     */
    private static final class QuantileWalk {
        /** datasketches rounds natural ranks to 7 decimals (1e7) to absorb floating error in {@code p n}... */
        private static final double NATURAL_RANK_SCALE = 1e7;
        /** ... but only while {@code n} is at most 1e7, where that rounding cannot lose integer precision. */
        private static final double NATURAL_RANK_ROUNDING_MAX_N = 1e7;
        /** Larger than the rounding's largest change of {@code p n} (0.5e-7 plus floating error). */
        private static final double ROUNDING_MARGIN = 1e-6;

        private final double[] items;
        private final long[] cumulativeWeights;
        private final double n;
        private int index;

        QuantileWalk(DoublesSortedView view) {
            items = view.getQuantiles();
            cumulativeWeights = view.getCumulativeWeights();
            n = view.getN();
        }

        double quantile(double p) {
            double rank = p * n;
            while (index < cumulativeWeights.length) {
                double weight = cumulativeWeights[index];
                if (weight >= rank + ROUNDING_MARGIN
                        || (weight >= rank - ROUNDING_MARGIN && weight >= roundedRank(rank))) {
                    break;
                }
                index++;
            }
            return items[Math.min(index, items.length - 1)];
        }

        private double roundedRank(double rank) {
            return n <= NATURAL_RANK_ROUNDING_MAX_N
                    ? Math.round(rank * NATURAL_RANK_SCALE) / NATURAL_RANK_SCALE
                    : rank;
        }
    }

    /** Worst-case absolute error bound of {@link #wassersteinDistance} (see the class comment). */
    public static double wassersteinErrorBound(QuantileSketch reference, QuantileSketch current) {
        requireNonEmpty(reference, current);
        double range1 = reference.max() - reference.min();
        double range2 = current.max() - current.min();
        return reference.normalizedRankErrorAllRanks() * range1 + current.normalizedRankErrorAllRanks() * range2
                + (range1 + range2) / WASSERSTEIN_GRID_SIZE;
    }

    /** Raw Wasserstein-1 test: drift when {@code W >= threshold}. */
    public static DriftResult wassersteinRaw(QuantileSketch reference, QuantileSketch current, double threshold) {
        double distance = wassersteinDistance(reference, current);
        return distanceResult(DriftTestId.WASSERSTEIN_RAW, distance, threshold,
                wassersteinErrorBound(reference, current));
    }

    /**
     * Wasserstein-1 normed by the reference standard deviation (positive, finite): drift when
     * {@code W / referenceStd >= threshold}.
     */
    public static DriftResult wassersteinNormed(QuantileSketch reference, QuantileSketch current,
                                                double referenceStd, double threshold) {
        if (!(referenceStd > 0.0) || Double.isInfinite(referenceStd)) {
            throw new IllegalArgumentException(
                    "reference standard deviation must be positive and finite, got " + referenceStd);
        }
        return distanceResult(DriftTestId.WASSERSTEIN, wassersteinDistance(reference, current) / referenceStd,
                threshold, wassersteinErrorBound(reference, current) / referenceStd);
    }

    private static DriftResult distanceResult(DriftTestId test, double distance, double threshold, double bound) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
        return new DriftResult(test, distance, Double.NaN, threshold, test.polarity().isDrift(distance, threshold),
                bound);
    }

    private static void requireNonEmpty(QuantileSketch reference, QuantileSketch current) {
        if (reference.isEmpty() || current.isEmpty()) {
            throw new IllegalArgumentException("drift tests need non-empty sketches, got reference n="
                    + reference.n() + " and current n=" + current.n());
        }
    }
}
