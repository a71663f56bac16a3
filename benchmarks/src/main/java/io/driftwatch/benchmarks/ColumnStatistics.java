package io.driftwatch.benchmarks;

import io.driftwatch.detectors.drift.DriftTestId;

/**
 * The four drift statistics of one column, as the comparison computes them: KS statistic, p-value and drift
 * decision at {@link #KS_ALPHA}, PSI and Jensen-Shannon distance on reference deciles, Wasserstein-1 normed by
 * the reference standard deviation. The error bounds are absolute (0 for exact values).
 */
record ColumnStatistics(double ksStatistic, double ksPValue, boolean ksDrift, double psi, double jensenShannon,
                        double wasserstein, double ksErrorBound, double wassersteinErrorBound) {

    /** KS significance level of the drift decisions: Driftwatch's default p-value threshold. */
    static final double KS_ALPHA = DriftTestId.KS.defaultThreshold();
}
