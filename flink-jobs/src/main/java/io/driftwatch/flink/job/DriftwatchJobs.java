package io.driftwatch.flink.job;

import io.driftwatch.flink.config.DriftwatchConfig;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Entry point for commands (e.g. {@code run}, {@code demo}): the production job from a config. */
public final class DriftwatchJobs {

    private DriftwatchJobs() {}

    /** Adds the whole production job to {@code env} ({@link DriftwatchJob#production}); the caller executes it. */
    public static DriftwatchJob.Outputs fromConfig(StreamExecutionEnvironment env, DriftwatchConfig config) {
        return DriftwatchJob.production(env, config);
    }
}
