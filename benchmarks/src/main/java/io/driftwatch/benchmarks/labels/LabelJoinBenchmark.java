package io.driftwatch.benchmarks.labels;

import io.driftwatch.flink.config.LabelConfig;
import io.driftwatch.flink.labels.LabelJoin;
import io.driftwatch.flink.labels.LabelRecord;
import io.driftwatch.flink.labels.Outcome;
import io.driftwatch.flink.labels.PendingPrediction;
import io.driftwatch.flink.source.Observation;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Throughput of {@link LabelJoin} in Flink's keyed two-input operator harness (the operator, its keyed state and
 * timers; no network, no Kafka): each operation is one prediction and its label, both joined, so ops/s = labels/s.
 * {@code backend} is the heap (hashmap) or RocksDB state backend. {@link #main} prints the bytes of one serialized
 * pending entry (Flink's POJO serializer, as stored by either backend), the state a pending prediction costs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class LabelJoinBenchmark {

    /** Pairs per invocation: large enough that harness set-up per iteration does not count. */
    static final int PAIRS = 10_000;
    private static final long WINDOW_MILLIS = 60_000;
    /** Flink's default maximum parallelism (key groups) for small jobs. */
    private static final int MAX_PARALLELISM = 128;

    @Param({"hashmap", "rocksdb"})
    public String backend;

    private KeyedTwoInputStreamOperatorTestHarness<String, Observation, LabelRecord, Outcome> harness;
    private Observation[] predictions;
    private LabelRecord[] labels;
    private long round;

    @Setup(Level.Iteration)
    public void open() throws Exception {
        // built by hand: ProcessFunctionTestHarnesses opens the harness, after which the backend cannot change
        harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new LabelJoin(LabelConfig.builtIn(), WINDOW_MILLIS)),
                o -> LabelJoin.joinKey(o.modelId, o.predictionId), LabelRecord::joinKey, Types.STRING,
                MAX_PARALLELISM, 1, 0);
        if (backend.equals("rocksdb")) {
            harness.setStateBackend(new EmbeddedRocksDBStateBackend(true));
        }
        harness.open();
        predictions = new Observation[PAIRS];
        labels = new LabelRecord[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            predictions[i] = prediction(i);
            labels[i] = label(i);
        }
    }

    @TearDown(Level.Iteration)
    public void close() throws Exception {
        harness.close();
    }

    @Benchmark
    @OperationsPerInvocation(PAIRS)
    public int predictionThenLabel() throws Exception {
        long offset = round++ * PAIRS;
        for (int i = 0; i < PAIRS; i++) {
            Observation p = predictions[i];
            p.predictionId = "p-" + (offset + i);
            harness.processElement1(p, p.eventTimeMillis);
            LabelRecord l = labels[i];
            l.predictionId = p.predictionId;
            harness.processElement2(l, l.eventTimeMillis);
        }
        int out = harness.getOutput().size();
        harness.getOutput().clear();
        return out;
    }

    static Observation prediction(int i) {
        Observation o = new Observation();
        o.modelId = "fraud";
        o.modelVersion = "v12";
        o.segment = "country=DE";
        o.eventTimeMillis = 1_767_225_600_000L + i;
        o.score = (i % 1000) / 1000.0;
        o.value = Double.NaN;
        o.predictedClass = "";
        return o;
    }

    static LabelRecord label(int i) {
        LabelRecord r = new LabelRecord();
        r.modelId = "fraud";
        r.eventTimeMillis = 1_767_225_600_000L + i + 3_600_000L;
        r.numeric = i % 2;
        r.sourceTopic = "driftwatch.labels";
        r.payload = new byte[0];
        return r;
    }

    /** Bytes of one serialized pending entry, as the state backends store it. */
    public static int pendingEntryBytes(PendingPrediction entry) throws IOException {
        TypeSerializer<PendingPrediction> serializer = TypeInformation.of(PendingPrediction.class)
                .createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(entry, out);
        return out.length();
    }

    /** Prints the serialized size of a typical pending entry and of its key. */
    public static void main(String[] args) throws IOException {
        PendingPrediction entry = new PendingPrediction();
        entry.modelVersion = "v12";
        entry.segment = "country=DE";
        entry.eventTimeMillis = 1_767_225_600_000L;
        entry.output = 0.731;
        entry.predictedClass = -1;
        entry.status = PendingPrediction.PENDING;
        System.out.println("pending entry (version 'v12', segment 'country=DE'): " + pendingEntryBytes(entry) + " B");
        entry.segment = "";
        System.out.println("pending entry (version 'v12', all traffic): " + pendingEntryBytes(entry) + " B");
        DataOutputSerializer key = new DataOutputSerializer(64);
        Types.STRING.createSerializer(new SerializerConfigImpl())
                .serialize(LabelJoin.joinKey("fraud", "7f3c2a9e-4b1d-4c8e-9a51-2d6f0b8e1c44"), key);
        System.out.println("key (model 'fraud', 36-char uuid prediction id): " + key.length() + " B");
    }
}
