package io.driftwatch.benchmarks;

import io.driftwatch.flink.shuffle.ObservationBatch;
import io.driftwatch.flink.shuffle.ObservationBatchSerializer;
import io.driftwatch.flink.source.Observation;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The keyBy exchange's cost per event: one {@link ObservationBatch} of {@value WindowAddBenchmark#BATCH_EVENTS}
 * pipeline-like observations (14 numeric + 6 categorical features) through {@link ObservationBatchSerializer} into
 * Flink's own output view, and back. One op is one event.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class ShuffleSerializationBenchmark {

    private static final int INITIAL_BUFFER = 1 << 16;

    private ObservationBatch batch;
    private DataOutputSerializer out;
    private byte[] serialized;

    @Setup
    public void inputs() throws IOException {
        Observation[] window = WindowAddBenchmark.sampleObservations(new SplittableRandom(BenchmarkData.SEED));
        batch = new ObservationBatch(window[0].windowKey(),
                Arrays.copyOf(window, WindowAddBenchmark.BATCH_EVENTS));
        out = new DataOutputSerializer(INITIAL_BUFFER);
        ObservationBatchSerializer.INSTANCE.serialize(batch, out);
        serialized = out.getCopyOfBuffer();
    }

    @Benchmark
    @OperationsPerInvocation(WindowAddBenchmark.BATCH_EVENTS)
    public int serialize() throws IOException {
        out.clear();
        ObservationBatchSerializer.INSTANCE.serialize(batch, out);
        return out.length();
    }

    @Benchmark
    @OperationsPerInvocation(WindowAddBenchmark.BATCH_EVENTS)
    public ObservationBatch deserialize() throws IOException {
        return ObservationBatchSerializer.INSTANCE.deserialize(new DataInputDeserializer(serialized));
    }
}
