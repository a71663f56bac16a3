package io.driftwatch.app.demorun;

import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.job.DriftwatchJob;
import io.driftwatch.flink.telemetry.MicrometerPrometheusReporter;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The running Driftwatch job of the demo: on a MiniCluster in this JVM, or on a local cluster ({@link DemoClusterJob}). */
interface DemoJob extends AutoCloseable {

    /** The demo's checkpoint interval (production: 30 s), which bounds how late a page is printed. */
    Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(5);

    /** Where the job runs and where its metrics are, for the console. */
    String describe();

    /** Starts the job on a MiniCluster inside this JVM, with Prometheus metrics. */
    static DemoJob onMiniCluster(DriftwatchConfig config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                MicrometerPrometheusReporter.enable(new Configuration(), MicrometerPrometheusReporter.DEFAULT_PORTS));
        // pages are delivered once the checkpoint holding them completed: checkpoint often so they show promptly
        env.enableCheckpointing(CHECKPOINT_INTERVAL.toMillis());
        DriftwatchJob.production(env, config);
        JobClient client = env.executeAsync("driftwatch-demo");
        return new DemoJob() {
            @Override
            public String describe() {
                return "Flink job running (Prometheus metrics at http://127.0.0.1:" + MicrometerPrometheusReporter.DEFAULT_PORTS
                        + "/metrics (the first free port))";
            }

            @Override
            public void close() throws Exception {
                client.cancel().get();
            }
        };
    }
}
