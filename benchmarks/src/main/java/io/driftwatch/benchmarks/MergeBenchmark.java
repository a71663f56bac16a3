package io.driftwatch.benchmarks;

import io.driftwatch.detectors.state.MergeableState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Merging two filled states of 10k values each (target: at most 3 µs). The target is a fresh copy of the
 * first state per invocation (made in an invocation-level setup, outside the measurement), so every merge
 * combines two 10k-value states rather than an ever-growing one. Invocation-level setup adds a few tens of
 * nanoseconds of timestamping to each sample, which is small against microsecond merges.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class MergeBenchmark {

    @Param({"NUMERIC_WINDOW_STATE", "QUANTILE_SKETCH", "LATENCY_SKETCH", "BINARY_CLASSIFICATION"})
    public FilledState kind;

    private MergeableState<?> first;
    private MergeableState<?> second;
    private MergeableState<?> target;

    @Setup(Level.Trial)
    public void fill() {
        first = kind.filled(BenchmarkData.SEED);
        second = kind.filled(BenchmarkData.SEED + 2);
    }

    @Setup(Level.Invocation)
    public void freshTarget() {
        target = first.copy();
    }

    /** Returns the merged state so that it is consumed. */
    @Benchmark
    public Object merge() {
        FilledState.merge(target, second);
        return target;
    }
}
