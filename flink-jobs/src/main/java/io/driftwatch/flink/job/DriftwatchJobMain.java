package io.driftwatch.flink.job;

import io.driftwatch.flink.config.ConfigLoader;
import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The job's entry point on a Flink cluster: {@code flink run -c io.driftwatch.flink.job.DriftwatchJobMain
 * driftwatch.jar --config /path/driftwatch.yaml}. Parallelism, checkpoint storage and the state backend come
 * from the cluster's configuration; the YAML file says what to monitor and where results go.
 */
public final class DriftwatchJobMain {

    public static final String JOB_NAME = "driftwatch";

    private DriftwatchJobMain() {}

    public static void main(String[] args) throws Exception {
        Path config = configPath(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        DriftwatchJob.production(env, new ConfigLoader().load(config));
        env.execute(JOB_NAME);
    }

    static Path configPath(String[] args) {
        if (args.length != 2 || !args[0].equals("--config")) {
            throw new IllegalArgumentException("usage: DriftwatchJobMain --config /path/to/driftwatch.yaml");
        }
        return Path.of(args[1]);
    }
}
