package io.driftwatch.benchmarks;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.binned.HistogramDivergence;
import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.sketch.BinCounts;
import io.driftwatch.detectors.sketch.Moments;
import io.driftwatch.detectors.sketch.NumericWindowState;
import io.driftwatch.detectors.sketch.QuantileSketch;
import io.driftwatch.detectors.sketch.SketchDriftTests;

/**
 * The streaming path, as the Flink job runs it: a reference profile built once (decile edges, then one pass
 * into a {@link QuantileSketch}, {@link BinCounts} and {@link Moments}), then one pass of the current window
 * into a {@link NumericWindowState}, then PSI/JS from the bin counts and KS/Wasserstein from the sketches.
 */
final class StreamingDriftPath {

    /** A column's stored reference profile. */
    record Profile(double[] interiorEdges, BinCounts bins, QuantileSketch sketch, Moments moments) {}

    Profile profile(double[] reference) {
        double[] interiorEdges = Binning.deciles().edgesFor(reference).interiorEdges();
        BinCounts bins = new BinCounts(interiorEdges);
        QuantileSketch sketch = new QuantileSketch();
        Moments moments = new Moments();
        for (double v : reference) {
            bins.add(v);
            sketch.add(v);
            moments.add(v);
        }
        return new Profile(interiorEdges, bins, sketch, moments);
    }

    ColumnStatistics window(Profile profile, double[] current) {
        NumericWindowState window = new NumericWindowState(profile.interiorEdges(), profile.moments().min(),
                profile.moments().max());
        for (double v : current) {
            window.add(v);
        }
        long[] referenceCounts = profile.bins().counts();
        long[] currentCounts = window.bins().counts();
        DriftResult ks = SketchDriftTests.ks(profile.sketch(), window.sketch(), ColumnStatistics.KS_ALPHA);
        DriftResult wasserstein = SketchDriftTests.wassersteinNormed(profile.sketch(), window.sketch(),
                Math.sqrt(profile.moments().populationVariance()), DriftTestId.WASSERSTEIN.defaultThreshold());
        return new ColumnStatistics(ks.statistic(), ks.pValue(), ks.drift(),
                HistogramDivergence.PSI.distance(referenceCounts, currentCounts),
                HistogramDivergence.JENSEN_SHANNON.distance(referenceCounts, currentCounts),
                wasserstein.statistic(), ks.errorBound(), wasserstein.errorBound());
    }
}
