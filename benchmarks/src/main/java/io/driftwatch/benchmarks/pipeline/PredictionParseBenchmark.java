package io.driftwatch.benchmarks.pipeline;

import io.driftwatch.flink.config.LimitsConfig;
import io.driftwatch.flink.config.SegmentConfig;
import io.driftwatch.flink.source.Observation;
import io.driftwatch.flink.source.ObservationMapper;
import io.driftwatch.schemas.events.EventParser;
import io.driftwatch.schemas.events.PredictionFields;
import java.util.List;
import java.util.Map;
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
    /** The job's source-side mapping (segment key {@code country}, default limits), as the harness's job runs it. */
    private ObservationMapper mapper;

    @Setup
    public void generate() {
        SyntheticPredictions generator = new SyntheticPredictions(SEED, EVENTS, WINDOW_MILLIS);
        payloads = new byte[EVENTS][];
        for (int i = 0; i < EVENTS; i++) {
            payloads[i] = generator.event(i);
        }
        parser = new EventParser();
        fields = new PredictionFields();
        mapper = new ObservationMapper(new SegmentConfig(new SegmentConfig.ModelSegments(List.of("country"),
                SegmentConfig.MAX_CARDINALITY_OPTION.defaultValue()), Map.of()), LimitsConfig.defaults());
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

    /** The source task's per-event work before bundling: parse, then map to the {@link Observation} it ships. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long parseAndMap() {
        long checksum = 0;
        for (byte[] payload : payloads) {
            parser.parsePrediction(payload, fields);
            Observation observation = mapper.map(fields);
            checksum += observation.eventTimeMillis + observation.featureCount();
        }
        return checksum;
    }
}
