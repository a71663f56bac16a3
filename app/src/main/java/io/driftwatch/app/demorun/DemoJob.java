package io.driftwatch.app.demorun;

import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.job.DriftwatchJob;
import io.driftwatch.flink.telemetry.MicrometerPrometheusReporter;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The Driftwatch job running on a local MiniCluster inside this JVM, with Prometheus metrics. */
final class DemoJob implements AutoCloseable {

    /** The demo's checkpoint interval (production: 30 s), which bounds how late a page is printed. */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(5);

    private final JobClient client;

    private DemoJob(JobClient client) {
        this.client = client;
    }

    static DemoJob start(DriftwatchConfig config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                MicrometerPrometheusReporter.enable(new Configuration(), MicrometerPrometheusReporter.DEFAULT_PORTS));
        // pages are delivered once the checkpoint holding them completed: checkpoint often so they show promptly
        env.enableCheckpointing(CHECKPOINT_INTERVAL.toMillis());
        DriftwatchJob.production(env, config);
        return new DemoJob(env.executeAsync("driftwatch-demo"));
    }

    String metricsUrl() {
        return "http://127.0.0.1:" + MicrometerPrometheusReporter.DEFAULT_PORTS + "/metrics (the first free port)";
    }

    @Override
    public void close() throws Exception {
        client.cancel().get();
    }
}
