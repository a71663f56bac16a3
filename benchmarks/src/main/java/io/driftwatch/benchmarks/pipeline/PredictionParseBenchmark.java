package io.driftwatch.benchmarks.pipeline;

import io.driftwatch.schemas.events.EventParser;
import io.driftwatch.schemas.events.PredictionFields;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The job's parse of one prediction into reused flat fields (the single-pass scanner), over the pipeline
 * harness's own events ({@link SyntheticPredictions}: 14 numeric + 6 categorical features, ~510 bytes). One op is
 * one event, so the score is events per second of one thread; no Kafka, no Flink.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class PredictionParseBenchmark {

    /** Distinct payloads cycled through: more than a window's worth of distinct numbers and ids. */
    static final int EVENTS = 4_096;
    private static final long SEED = 42L;
    private static final long WINDOW_MILLIS = 60_000L;

    private byte[][] payloads;
    private EventParser parser;
    private PredictionFields fields;

    @Setup
    public void generate() {
        SyntheticPredictions generator = new SyntheticPredictions(SEED, EVENTS, WINDOW_MILLIS);
        payloads = new byte[EVENTS][];
        for (int i = 0; i < EVENTS; i++) {
            payloads[i] = generator.event(i);
        }
        parser = new EventParser();
        fields = new PredictionFields();
        for (byte[] payload : payloads) {
            if (parser.parsePrediction(payload, fields).isPresent()) {
                throw new IllegalStateException("a generated event does not parse: " + new String(payload));
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long flatFields() {
        long checksum = 0;
        for (byte[] payload : payloads) {
            parser.parsePrediction(payload, fields);
            checksum += fields.eventTimeMillis() + fields.featureCount();
        }
        return checksum;
    }
}
