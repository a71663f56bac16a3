package io.driftwatch.detectors.drift.categorical;

import org.apache.commons.math3.special.Gamma;

/**
 * Homogeneity tests on the 2 x k table (reference, current) x categories, as
 * {@code scipy.stats.chi2_contingency(table, correction=False[, lambda_="log-likelihood"])}: expected
 * {@code E = row total * column total / N}, {@code k - 1} degrees of freedom. Zero columns are already removed
 * by {@link CategoryTable}; with a single category there is no freedom and, as scipy, the statistic is 0 and
 * p = 1.
 */
final class ContingencyTests {

    /** Power-divergence family member used (Cressie–Read lambda). */
    enum Statistic {
        /** Pearson's chi-square {@code sum((O - E)^2 / E)}. */
        PEARSON,
        /** G statistic {@code 2 sum(O ln(O / E))}, with {@code 0 ln 0 = 0}. */
        LOG_LIKELIHOOD
    }

    private ContingencyTests() {}

    static TestOutcome test(CategoryTable table, Statistic statistic) {
        int k = table.size();
        if (k < 2) {
            return new TestOutcome(0.0, 1.0);
        }
        double[][] observed = {table.referenceAsDoubles(), table.currentAsDoubles()};
        double[] rowTotals = {table.referenceTotal(), table.currentTotal()};
        double total = rowTotals[0] + rowTotals[1];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double columnTotal = observed[0][j] + observed[1][j];
            for (int i = 0; i < 2; i++) {
                double expected = rowTotals[i] * columnTotal / total;
                double o = observed[i][j];
                sum += switch (statistic) {
                    case PEARSON -> (o - expected) * (o - expected) / expected;
                    case LOG_LIKELIHOOD -> o == 0 ? 0.0 : 2.0 * o * Math.log(o / expected);
                };
            }
        }
        return new TestOutcome(sum, chiSquareSurvival(sum, k - 1));
    }

    /**
     * Upper tail of the chi-square distribution, {@code Q(dof/2, x/2)}. Commons Math's
     * {@code ChiSquaredDistribution} only offers the CDF, and {@code 1 - cdf} loses all digits of small p.
     */
    static double chiSquareSurvival(double x, int dof) {
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(dof / 2.0, x / 2.0);
    }
}
