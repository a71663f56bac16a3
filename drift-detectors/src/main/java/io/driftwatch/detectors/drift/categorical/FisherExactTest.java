package io.driftwatch.detectors.drift.categorical;

import org.apache.commons.math3.distribution.HypergeometricDistribution;

/**
 * Two-sided Fisher exact test on the 2 x 2 table {@code [[ref_a, ref_b], [cur_a, cur_b]]} (categories a &lt; b
 * in sorted order), following {@code scipy.stats.fisher_exact}: with X ~ Hypergeometric(N, ref total, a total),
 * p is the probability of all tables no more likely than the observed one, using scipy's relative tolerance
 * {@value #RELATIVE_TIE_TOLERANCE} for ties; the statistic is the sample odds ratio
 * {@code ref_a cur_b / (ref_b cur_a)} (infinite when the denominator is 0). A single category (a zero column)
 * gives odds ratio NaN and p = 1, as scipy; more than two categories is an error. Counts must fit in an int.
 */
final class FisherExactTest {

    /** scipy's {@code epsilon} in {@code fisher_exact}: pmf values this close count as equally likely. */
    static final double RELATIVE_TIE_TOLERANCE = 1e-14;

    private FisherExactTest() {}

    static TestOutcome test(CategoryTable table) {
        if (table.size() > 2) {
            throw new IllegalArgumentException("Fisher exact test needs a 2 x 2 table, got " + table.size()
                    + " categories " + table.categories());
        }
        if (table.size() < 2) {
            return new TestOutcome(Double.NaN, 1.0);
        }
        long[] ref = table.reference();
        long[] cur = table.current();
        int a = toInt(ref[0]);
        int b = toInt(ref[1]);
        int c = toInt(cur[0]);
        int d = toInt(cur[1]);
        double oddsRatio = (c > 0 && b > 0) ? ((double) a * d) / ((double) c * b) : Double.POSITIVE_INFINITY;
        int rowRef = a + b;
        int population = toInt((long) rowRef + c + d);
        int columnA = a + c;
        HypergeometricDistribution x = new HypergeometricDistribution(null, population, rowRef, columnA);
        return new TestOutcome(oddsRatio, Math.min(1.0, twoSided(x, a, rowRef, population, columnA)));
    }

    private static double twoSided(HypergeometricDistribution x, int observed, int successes, int population,
                                   int draws) {
        int mode = (int) (((double) draws + 1) * (successes + 1) / (population + 2));
        double pExact = x.probability(observed);
        double pMode = x.probability(mode);
        if (Math.abs(pExact - pMode) / Math.max(pExact, pMode) <= RELATIVE_TIE_TOLERANCE) {
            return 1.0;
        }
        double bound = pExact * (1 + RELATIVE_TIE_TOLERANCE);
        int lowest = x.getSupportLowerBound();
        int highest = x.getSupportUpperBound();
        if (observed < mode) {
            double lowerTail = x.cumulativeProbability(observed);
            if (x.probability(highest) > bound) {
                return lowerTail;
            }
            // first x above the mode whose pmf is within the bound (pmf decreases there)
            int lo = mode;
            int hi = highest;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (x.probability(mid) <= bound) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lowerTail + x.upperCumulativeProbability(lo);
        }
        double upperTail = x.upperCumulativeProbability(observed);
        if (x.probability(lowest) > bound) {
            return upperTail;
        }
        // last x below the mode whose pmf is within the bound (pmf increases there)
        int lo = lowest;
        int hi = mode;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (x.probability(mid) <= bound) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return upperTail + x.cumulativeProbability(lo);
    }

    private static int toInt(long count) {
        if (count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Fisher exact test supports counts up to " + Integer.MAX_VALUE
                    + ", got " + count);
        }
        return (int) count;
    }
}
