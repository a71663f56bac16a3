package io.driftwatch.detectors.drift;

/**
 * The outcome of one drift test on one (reference, current) pair.
 *
 * @param test       which test
 * @param statistic  the test statistic (for distances, the distance itself)
 * @param pValue     the p-value, or {@code NaN} for tests that have none
 * @param threshold  the threshold the decision used
 * @param drift      the decision
 * @param errorBound an absolute bound on the error of {@code statistic} when it was computed on a sketch
 *                   instead of raw values; 0 when exact
 */
public record DriftResult(DriftTestId test, double statistic, double pValue, double threshold, boolean drift,
                          double errorBound) {

    /** Result of an exact test, decided on the p-value or the statistic according to the test's polarity. */
    public static DriftResult exact(DriftTestId test, double statistic, double pValue, double threshold) {
        double decisive = test.polarity() == Polarity.P_VALUE ? pValue : statistic;
        return new DriftResult(test, statistic, pValue, threshold, test.polarity().isDrift(decisive, threshold), 0.0);
    }

    public boolean hasPValue() {
        return !Double.isNaN(pValue);
    }
}
