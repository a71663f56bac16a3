package io.driftwatch.detectors.drift.categorical;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Two-proportion z-test for a binary feature, as Evidently's {@code z_stat_test}: the "success" is every
 * category but the first in sorted order; {@code z = (p_ref - p_cur) / sqrt(P (1 - P) (1/n_ref + 1/n_cur))}
 * with the pooled proportion P; two-sided p {@code = 2 Phi(-|z|)} (equal to Evidently's
 * {@code 2 (1 - Phi(|z|))} without its cancellation). One category in total gives z = 0, p = 1, as Evidently
 * returns p = 1 when both windows hold the same single value. More than two categories is an error.
 */
final class TwoProportionZTest {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1,
            NormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);

    private TwoProportionZTest() {}

    static TestOutcome test(CategoryTable table) {
        if (table.size() > 2) {
            throw new IllegalArgumentException("z-test needs a binary feature, got " + table.size() + " categories "
                    + table.categories());
        }
        if (table.size() < 2) {
            return new TestOutcome(0.0, 1.0);
        }
        double nRef = table.referenceTotal();
        double nCur = table.currentTotal();
        double pRef = table.reference()[1] / nRef;
        double pCur = table.current()[1] / nCur;
        double pooled = (pRef * nRef + pCur * nCur) / (nRef + nCur);
        double z = (pRef - pCur) / Math.sqrt(pooled * (1 - pooled) * (1.0 / nRef + 1.0 / nCur));
        return new TestOutcome(z, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
    }
}
