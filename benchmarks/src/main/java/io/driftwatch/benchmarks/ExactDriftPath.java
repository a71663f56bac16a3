package io.driftwatch.benchmarks;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.binned.HistogramDivergence;
import io.driftwatch.detectors.drift.numeric.NumericDriftTest;
import io.driftwatch.detectors.drift.numeric.NumericDriftTests;
import io.driftwatch.detectors.profile.BinEdges;
import io.driftwatch.detectors.profile.Binning;

/** The exact path: raw-value tests and decile histograms, the same computations as the scipy script. */
final class ExactDriftPath {

    private final NumericDriftTest ks = NumericDriftTests.of(DriftTestId.KS);
    private final NumericDriftTest wasserstein = NumericDriftTests.of(DriftTestId.WASSERSTEIN);
    private final Binning deciles = Binning.deciles();

    ColumnStatistics compute(double[] reference, double[] current) {
        DriftResult ksResult = ks.test(reference, current);
        DriftResult wassersteinResult = wasserstein.test(reference, current);
        BinEdges edges = deciles.edgesFor(reference);
        long[] referenceCounts = edges.histogram(reference);
        long[] currentCounts = edges.histogram(current);
        return new ColumnStatistics(ksResult.statistic(), ksResult.pValue(), ksResult.drift(),
                HistogramDivergence.PSI.distance(referenceCounts, currentCounts),
                HistogramDivergence.JENSEN_SHANNON.distance(referenceCounts, currentCounts),
                wassersteinResult.statistic(), 0.0, 0.0);
    }
}
