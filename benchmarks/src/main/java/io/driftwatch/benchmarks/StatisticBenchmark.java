package io.driftwatch.benchmarks;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.binned.HistogramDivergence;
import io.driftwatch.detectors.drift.numeric.NumericDriftTest;
import io.driftwatch.detectors.drift.numeric.NumericDriftTests;
import io.driftwatch.detectors.sketch.BinCounts;
import io.driftwatch.detectors.sketch.QuantileSketch;
import io.driftwatch.detectors.sketch.SketchDriftTests;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One drift statistic per (feature, window) (target: at most 50 µs on 10 bins or two k=200 sketches).
 * Reference and current are seeded normals, the current shifted by {@link BenchmarkData#CURRENT_SHIFT}; all
 * inputs are built in setup methods, and every result is returned so JMH consumes it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StatisticBenchmark {

    /** Values per sketch: a large window, so the sketches are in their compacted (approximate) regime. */
    static final int SKETCH_VALUES = 1_000_000;
    /** Reference standard deviation for the normed Wasserstein (the inputs are standard normals). */
    private static final double REFERENCE_STD = 1.0;

    /** Two 10-bin histograms (reference deciles of a standard normal) of 10k values each. */
    @State(Scope.Benchmark)
    public static class Histograms {
        long[] reference;
        long[] current;

        @Setup(Level.Trial)
        public void fill() {
            reference = counts(0.0, BenchmarkData.SEED);
            current = counts(BenchmarkData.CURRENT_SHIFT, BenchmarkData.SEED + 2);
        }

        private static long[] counts(double shift, long seed) {
            BinCounts bins = new BinCounts(BenchmarkData.standardNormalDecileEdges());
            for (double v : BenchmarkData.normals(BenchmarkData.FILLED_VALUES, shift, seed)) {
                bins.add(v);
            }
            return bins.counts();
        }
    }

    /**
     * Two k=200 sketches of {@link #SKETCH_VALUES} values each. Their sorted views are built on first use
     * and then cached by datasketches, so this measures the statistic alone.
     */
    @State(Scope.Thread)
    public static class WarmSketches {
        QuantileSketch reference;
        QuantileSketch current;

        @Setup(Level.Trial)
        public void fill() {
            reference = sketch(0.0, BenchmarkData.SEED);
            current = sketch(BenchmarkData.CURRENT_SHIFT, BenchmarkData.SEED + 2);
        }

        static QuantileSketch sketch(double shift, long seed) {
            QuantileSketch sketch = new QuantileSketch();
            for (double v : BenchmarkData.normals(SKETCH_VALUES, shift, seed)) {
                sketch.add(v);
            }
            return sketch;
        }
    }

    /**
     * Fresh copies of the warm sketches per invocation, without cached sorted views: the cost a window pays
     * once, when its statistic is first computed (sorted-view construction included).
     */
    @State(Scope.Thread)
    public static class ColdSketches {
        QuantileSketch reference;
        QuantileSketch current;

        @Setup(Level.Invocation)
        public void copy(WarmSketches warm) {
            reference = warm.reference.copy();
            current = warm.current.copy();
        }
    }

    /** Two samples of 10k raw values each, for the exact tests. */
    @State(Scope.Benchmark)
    public static class RawSamples {
        double[] reference;
        double[] current;
        NumericDriftTest ks;
        NumericDriftTest wasserstein;

        @Setup(Level.Trial)
        public void fill() {
            reference = BenchmarkData.normals(BenchmarkData.FILLED_VALUES, 0.0, BenchmarkData.SEED);
            current = BenchmarkData.normals(BenchmarkData.FILLED_VALUES, BenchmarkData.CURRENT_SHIFT,
                    BenchmarkData.SEED + 2);
            ks = NumericDriftTests.of(DriftTestId.KS);
            wasserstein = NumericDriftTests.of(DriftTestId.WASSERSTEIN);
        }
    }

    @Benchmark
    public double psi10Bins(Histograms h) {
        return HistogramDivergence.PSI.distance(h.reference, h.current);
    }

    @Benchmark
    public double jensenShannon10Bins(Histograms h) {
        return HistogramDivergence.JENSEN_SHANNON.distance(h.reference, h.current);
    }

    @Benchmark
    public double hellinger10Bins(Histograms h) {
        return HistogramDivergence.HELLINGER.distance(h.reference, h.current);
    }

    @Benchmark
    public DriftResult sketchKs(WarmSketches s) {
        return SketchDriftTests.ks(s.reference, s.current, DriftTestId.KS.defaultThreshold());
    }

    @Benchmark
    public DriftResult sketchWasserstein(WarmSketches s) {
        return SketchDriftTests.wassersteinNormed(s.reference, s.current, REFERENCE_STD,
                DriftTestId.WASSERSTEIN.defaultThreshold());
    }

    @Benchmark
    public DriftResult sketchKsCold(ColdSketches s) {
        return SketchDriftTests.ks(s.reference, s.current, DriftTestId.KS.defaultThreshold());
    }

    @Benchmark
    public DriftResult sketchWassersteinCold(ColdSketches s) {
        return SketchDriftTests.wassersteinNormed(s.reference, s.current, REFERENCE_STD,
                DriftTestId.WASSERSTEIN.defaultThreshold());
    }

    /** Exact two-sample KS on 10k vs 10k raw values, exact p-value included (scipy's method='auto'). */
    @Benchmark
    public DriftResult exactKs10k(RawSamples r) {
        return r.ks.test(r.reference, r.current);
    }

    /** Exact normed Wasserstein on 10k vs 10k raw values. */
    @Benchmark
    public DriftResult exactWasserstein10k(RawSamples r) {
        return r.wasserstein.test(r.reference, r.current);
    }
}
