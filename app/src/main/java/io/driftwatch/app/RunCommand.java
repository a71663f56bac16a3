package io.driftwatch.app;

import io.driftwatch.flink.config.ConfigLoader;
import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.job.DriftwatchJob;
import io.driftwatch.flink.job.DriftwatchJobMain;
import io.driftwatch.flink.telemetry.MicrometerPrometheusReporter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the Driftwatch job on a local Flink MiniCluster; on a cluster, submit the same jar with DriftwatchJobMain. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the Driftwatch job locally (Flink MiniCluster) with a YAML config, until Ctrl-C.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Job configuration (see flink-jobs/CONFIG.md).")
    Path config;

    @Option(names = "--metrics-port", defaultValue = MicrometerPrometheusReporter.DEFAULT_PORTS,
            description = "Port (or range) for the Prometheus scrape endpoint /metrics (default: ${DEFAULT-VALUE}).")
    String metricsPort;

    @Option(names = "--checkpoint-dir", defaultValue = "driftwatch-checkpoints", paramLabel = "DIR",
            description = "Where the local run writes its checkpoints (default: ${DEFAULT-VALUE}, in the working directory).")
    Path checkpointDir;

    @Override
    public Integer call() throws Exception {
        DriftwatchConfig loaded = new ConfigLoader().load(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                localConfiguration(checkpointDir, metricsPort));
        DriftwatchJob.production(env, loaded);
        System.out.println("Running " + DriftwatchJobMain.JOB_NAME + " with " + config + " (Ctrl-C stops it); metrics on "
                + "http://127.0.0.1:" + metricsPort + "/metrics");
        env.execute(DriftwatchJobMain.JOB_NAME);
        return 0;
    }

    /**
     * The local MiniCluster's configuration: metrics, and checkpoints in files. Left alone, Flink keeps
     * checkpointed state in the JobManager's memory, capped at 5 MB: a few hundred series' window state exceed
     * it, every checkpoint fails and the job with it.
     */
    static Configuration localConfiguration(Path checkpointDir, String metricsPort) {
        Configuration conf = MicrometerPrometheusReporter.enable(new Configuration(), metricsPort);
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, FILESYSTEM_STORAGE);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir.toAbsolutePath().toUri().toString());
        return conf;
    }

    /** Flink's name of the checkpoint storage that writes state to {@code execution.checkpointing.dir}. */
    static final String FILESYSTEM_STORAGE = "filesystem";
}
