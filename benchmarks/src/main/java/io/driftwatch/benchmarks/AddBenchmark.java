package io.driftwatch.benchmarks;

import io.driftwatch.detectors.performance.BinaryClassificationAccumulator;
import io.driftwatch.detectors.sketch.BinCounts;
import io.driftwatch.detectors.sketch.CategoryCounts;
import io.driftwatch.detectors.sketch.LatencySketch;
import io.driftwatch.detectors.sketch.Moments;
import io.driftwatch.detectors.sketch.NumericWindowState;
import io.driftwatch.detectors.sketch.QuantileSketch;
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
 * Cost of adding one value to each streaming state (target: at most 25 ns). Inputs are precomputed, seeded
 * buffers read cyclically, so the measurement is the add plus one array read. The states live across the
 * iteration, so they are measured at the sizes a long window reaches (KLL and DDSketch memory is bounded).
 * The adds mutate {@code @State} fields, which JMH keeps observable: no dead-code elimination.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class AddBenchmark {

    private double[] values;
    private double[] latencies;
    private double[] scores;
    private int[] labels;
    private String[] categories;
    private int next;

    private NumericWindowState window;
    private QuantileSketch quantileSketch;
    private LatencySketch latencySketch;
    private BinCounts binCounts;
    private Moments moments;
    private CategoryCounts categoryCounts;
    private BinaryClassificationAccumulator classification;

    @Setup(Level.Trial)
    public void inputs() {
        values = BenchmarkData.normals(BenchmarkData.BUFFER_SIZE, 0.0, BenchmarkData.SEED);
        latencies = BenchmarkData.latencies(BenchmarkData.BUFFER_SIZE, BenchmarkData.SEED);
        scores = BenchmarkData.scores(BenchmarkData.BUFFER_SIZE, BenchmarkData.SEED);
        labels = BenchmarkData.labels(scores, BenchmarkData.SEED + 1);
        categories = BenchmarkData.categories(BenchmarkData.BUFFER_SIZE, BenchmarkData.SEED);
    }

    /** Fresh states per iteration, so every iteration sees the same growth. */
    @Setup(Level.Iteration)
    public void states() {
        double[] edges = BenchmarkData.standardNormalDecileEdges();
        window = new NumericWindowState(edges, -5.0, 5.0);
        quantileSketch = new QuantileSketch();
        latencySketch = new LatencySketch();
        binCounts = new BinCounts(edges);
        moments = new Moments();
        categoryCounts = new CategoryCounts();
        classification = new BinaryClassificationAccumulator(BenchmarkData.CLASSIFICATION_THRESHOLD);
    }

    private int index() {
        int i = next;
        next = (i + 1) & BenchmarkData.BUFFER_MASK;
        return i;
    }

    @Benchmark
    public void numericWindowState() {
        window.add(values[index()]);
    }

    @Benchmark
    public void quantileSketch() {
        quantileSketch.add(values[index()]);
    }

    @Benchmark
    public void latencySketch() {
        latencySketch.add(latencies[index()]);
    }

    @Benchmark
    public void binCounts() {
        binCounts.add(values[index()]);
    }

    @Benchmark
    public void moments() {
        moments.add(values[index()]);
    }

    @Benchmark
    public void categoryCounts() {
        categoryCounts.add(categories[index()]);
    }

    @Benchmark
    public void binaryClassificationAccumulator() {
        int i = index();
        classification.add(scores[i], labels[i]);
    }

    /** The floor: reading the input and advancing the index, with nothing added. */
    @Benchmark
    public double baselineRead() {
        return values[index()];
    }
}
