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

/** {@code toBytes} and {@code fromBytes} of each state filled with 10k values (Flink state and ClickHouse rows). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class SerializationBenchmark {

    @Param({"NUMERIC_WINDOW_STATE", "QUANTILE_SKETCH", "LATENCY_SKETCH", "BINARY_CLASSIFICATION", "BIN_COUNTS",
        "MOMENTS", "CATEGORY_COUNTS"})
    public FilledState kind;

    private MergeableState<?> state;
    private byte[] bytes;

    @Setup(Level.Trial)
    public void fill() {
        state = kind.filled(BenchmarkData.SEED);
        bytes = state.toBytes();
    }

    @Benchmark
    public byte[] toBytes() {
        return state.toBytes();
    }

    @Benchmark
    public Object fromBytes() {
        return kind.fromBytes(bytes);
    }
}
