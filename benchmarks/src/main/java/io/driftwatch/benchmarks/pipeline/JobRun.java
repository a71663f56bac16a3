package io.driftwatch.benchmarks.pipeline;

import io.driftwatch.flink.config.ConfigLoader;
import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.drift.BaselineLoader;
import io.driftwatch.flink.job.DeadLetterRouter;
import io.driftwatch.flink.job.DeadLetterTopic;
import io.driftwatch.flink.job.DriftwatchJob;
import io.driftwatch.flink.job.ResultSinks;
import io.driftwatch.flink.source.EventTimes;
import io.driftwatch.flink.source.PredictionSources;
import io.driftwatch.flink.source.SourceEvent;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/** One timed run of a Flink topology on a local MiniCluster over the whole (bounded) predictions topic. */
final class JobRun {

    /** What runs. */
    enum Topology {
        /** The whole Driftwatch job: source + parse, dead-letter routing, windows, ClickHouse sinks. */
        FULL_JOB,
        /** Diagnostic: source + parse + dead-letter routing into a discarding sink (no windows, no sinks). */
        PARSE_ONLY
    }

    /** Where keyed state lives during a run ({@code state.backend.type}). */
    enum StateBackend {
        /** Objects on the heap, serialized only at checkpoints (what PIPELINE.md recommends). */
        HASHMAP,
        /** RocksDB: every state access (de)serializes the window accumulator (what the Kubernetes deployment uses). */
        ROCKSDB;

        String flinkName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Connection details of the stack the run reads from and writes to. */
    record Stack(String bootstrapServers, String topic, String deadLetterTopic, String clickhouseUrl,
                 String database, String windowSize, int rollingWindows) {}

    private JobRun() {}

    /**
     * Builds and executes the topology with a fresh consumer group; returns the seconds {@code env.execute()} took.
     * {@code bundleEvents} is the job's {@code windows.bundle_events} (1: no bundling before the shuffle).
     */
    static double run(Stack stack, Topology topology, StateBackend backend, int parallelism, int bundleEvents,
                      String group) throws Exception {
        DriftwatchConfig config = new ConfigLoader().parse(configYaml(stack, group, bundleEvents), "pipeline-throughput");
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(StateBackendOptions.STATE_BACKEND, backend.flinkName());
        // Checkpoints (every 30 s, the job's default) go to files: the JobManager's memory storage caps state at
        // 5 MB, which a few hundred series exceed.
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                java.nio.file.Files.createTempDirectory("pipeline-throughput-checkpoints").toUri().toString());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        Source<SourceEvent, ?, ?> predictions = PredictionSources.kafka(config)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest()).build();
        if (topology == Topology.FULL_JOB) {
            DriftwatchJob.build(env, config, new DriftwatchJob.Inputs(predictions, null, BaselineLoader.NONE),
                    ResultSinks.clickHouse(config), DeadLetterTopic.sink(config.kafka()));
        } else {
            env.getConfig().enableObjectReuse(); // as DriftwatchJob.topology does
            env.fromSource(predictions, EventTimes.watermarks(config.windows()), "predictions")
                    .process(new DeadLetterRouter()).name("route-dead-letters")
                    .sinkTo(new DiscardingSink<>()).name("discard");
        }
        long started = System.nanoTime();
        env.execute("pipeline-throughput-" + group);
        return (System.nanoTime() - started) / 1e9;
    }

    /** Rolling baselines, automatic tests, one segment key; sink batches large enough not to dominate. */
    static String configYaml(Stack stack, String group, int bundleEvents) {
        return "kafka:\n  bootstrap_servers: " + stack.bootstrapServers()
                + "\n  consumer_group: " + group
                + "\n  topics:\n    predictions: " + stack.topic() + "\n    dead_letter: " + stack.deadLetterTopic()
                + "\nclickhouse:\n  url: " + stack.clickhouseUrl() + "\n  database: " + stack.database()
                + "\nwindows:\n  size: " + stack.windowSize()
                + "\n  allowed_lateness: 0s\n  out_of_orderness: 5s\n  idleness: 0s\n  bundle_events: " + bundleEvents
                + "\ndrift:\n  tests: auto"
                + "\nbaselines:\n  default:\n    kind: rolling\n    windows: " + stack.rollingWindows()
                + "\nsegments:\n  default:\n    keys: [country]"
                + "\nsink:\n  batch_rows: 10000\n  flush_interval: 5s\n";
    }
}
