package io.driftwatch.app.demorun;

import io.driftwatch.app.cluster.ClusterUpCommand;
import io.driftwatch.app.cluster.DriftwatchSubmission;
import io.driftwatch.flink.telemetry.MicrometerPrometheusReporter;
import io.driftwatch.localstack.flink.FlinkCluster;
import io.driftwatch.localstack.flink.JobState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The demo's job on a local multi-process Flink session cluster ({@code demo --cluster}): a JobManager and
 * {@value #TASK_MANAGERS} TaskManager JVMs, the shaded jar submitted over REST with
 * {@code DriftwatchJobMain --config FILE} at parallelism {@link DemoCommand#PARTITIONS}, as on a real cluster.
 */
final class DemoClusterJob implements DemoJob {

    /** Two TaskManagers of {@link FlinkCluster#DEFAULT_SLOTS_PER_TASK_MANAGER} slots: one slot per partition. */
    static final int TASK_MANAGERS = 2;
    static final String CONFIG_FILE = "driftwatch.yaml";
    /** The job is running once its tasks are deployed; a busy machine needs a while for that. */
    static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(2);

    private final FlinkCluster cluster;
    private final String jobId;

    private DemoClusterJob(FlinkCluster cluster, String jobId) {
        this.cluster = cluster;
        this.jobId = jobId;
    }

    /**
     * Starts the cluster with its work dir (config, logs, checkpoints) under {@code workDir}, writes
     * {@code configYaml} there and submits the running shaded jar.
     */
    static DemoClusterJob start(Path workDir, String configYaml) {
        Path jar = DriftwatchSubmission.runningJar();
        FlinkCluster.Builder builder = FlinkCluster.builder().taskManagers(TASK_MANAGERS).workDir(workDir.toAbsolutePath())
                .config(ClusterUpCommand.RESOLVE_ORDER_KEY, ClusterUpCommand.PARENT_FIRST)
                .config(MicrometerPrometheusReporter.CONFIG_PREFIX + "factory.class",
                        io.driftwatch.flink.telemetry.MicrometerPrometheusReporterFactory.class.getName())
                .config(MicrometerPrometheusReporter.CONFIG_PREFIX + MicrometerPrometheusReporter.PORT_KEY,
                        MicrometerPrometheusReporter.DEFAULT_PORTS);
        FlinkCluster cluster = builder.start();
        try {
            Path config = workDir.resolve(CONFIG_FILE);
            Files.writeString(config, configYaml, StandardCharsets.UTF_8);
            String job = cluster.rest().submitJar(jar, DriftwatchSubmission.run(config, DemoCommand.PARTITIONS));
            JobState state = cluster.awaitJobState(job, s -> s == JobState.RUNNING || s.isGloballyTerminal(), RUNNING_TIMEOUT);
            if (state != JobState.RUNNING) {
                throw new IllegalStateException("The Driftwatch job did not start on the cluster (" + state + "): "
                        + cluster.rest().rootException(job) + "; logs in " + cluster.workDir().resolve("log"));
            }
            return new DemoClusterJob(cluster, job);
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException("Could not write the job configuration into " + workDir, e);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    @Override
    public String describe() {
        return "Flink job running on a local cluster: JobManager + " + TASK_MANAGERS + " TaskManager JVMs, parallelism "
                + DemoCommand.PARTITIONS + "; web UI " + cluster.rest().webUiLink(jobId) + ", Prometheus metrics on ports "
                + MicrometerPrometheusReporter.DEFAULT_PORTS + " (one per JVM), logs in " + cluster.workDir().resolve("log");
    }

    @Override
    public void close() {
        try {
            cluster.rest().cancel(jobId);
        } finally {
            cluster.close();
        }
    }
}
