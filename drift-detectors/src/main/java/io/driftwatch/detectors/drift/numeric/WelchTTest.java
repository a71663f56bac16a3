package io.driftwatch.detectors.drift.numeric;

import io.driftwatch.detectors.internal.SampleMoments;
import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's unequal-variance t-test, two-sided, as {@code scipy.stats.ttest_ind(reference, current,
 * equal_var=False)}: {@code t = (mean_ref - mean_cur) / sqrt(v1/n1 + v2/n2)} with sample variances (ddof 1),
 * Welch–Satterthwaite degrees of freedom, {@code p = 2 * T_df(-|t|)} (Commons Math {@link TDistribution}).
 *
 * <p>Edge cases: a sample with fewer than 2 values → {@link IllegalArgumentException} (its variance is
 * undefined; scipy returns NaN); both samples constant and equal → <b>statistic 0, p-value 1</b> (scipy: NaN,
 * 0/0); both constant but different → statistic ±∞, p-value 0 (as scipy, which then uses df = 1); one sample
 * constant → the usual formula with that variance 0.
 */
public final class WelchTTest implements NumericDriftTest {

    private static final int MIN_SAMPLE = 2;

    @Override
    public DriftTestId id() {
        return DriftTestId.T_TEST;
    }

    @Override
    public DriftResult test(double[] reference, double[] current, double threshold) {
        NumericSamples.requireUsable(reference, current, MIN_SAMPLE, id().id());
        int n1 = reference.length;
        int n2 = current.length;
        double mean1 = SampleMoments.mean(reference);
        double mean2 = SampleMoments.mean(current);
        double vn1 = SampleMoments.sumOfSquaredDeviations(reference, mean1) / (n1 - 1) / n1;
        double vn2 = SampleMoments.sumOfSquaredDeviations(current, mean2) / (n2 - 1) / n2;
        double denominator = Math.sqrt(vn1 + vn2);
        double difference = mean1 - mean2;
        if (denominator == 0.0) {
            return difference == 0.0
                    ? DriftResult.exact(id(), 0.0, 1.0, threshold)
                    : DriftResult.exact(id(), Math.copySign(Double.POSITIVE_INFINITY, difference), 0.0, threshold);
        }
        double df = (vn1 + vn2) * (vn1 + vn2) / (vn1 * vn1 / (n1 - 1) + vn2 * vn2 / (n2 - 1));
        double t = difference / denominator;
        double p = 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
        return DriftResult.exact(id(), t, p, threshold);
    }
}
