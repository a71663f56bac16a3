package io.driftwatch.app.cluster;

import io.driftwatch.localstack.flink.FlinkRestClient;
import io.driftwatch.localstack.flink.JarRun;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Submits a job jar to a running Flink 2.x session cluster through its REST API: the Driftwatch job itself with
 * {@code --config FILE} (this shaded jar, {@code DriftwatchJobMain --config FILE}), or any jar with
 * {@code --jar} and {@code --class}.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Upload a job jar to a Flink session cluster over REST and run it; prints the job id.")
public final class SubmitCommand implements Callable<Integer> {

    @Option(names = "--cluster", defaultValue = "http://127.0.0.1:" + ClusterUpCommand.DEFAULT_REST_PORT,
            description = "The cluster's REST address (default: ${DEFAULT-VALUE}).")
    URI cluster;

    @Option(names = "--config",
            description = "Run the Driftwatch job (this jar, DriftwatchJobMain) with this job configuration file; "
                    + "the path must be readable by the cluster's JVMs.")
    Path config;

    @Option(names = "--jar", description = "The job jar (not with --config).")
    Path jar;

    @Option(names = "--class", description = "The job's main class (with --jar).")
    String mainClass;

    @Option(names = "--parallelism", defaultValue = "1", description = "Default parallelism of the job (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--savepoint", description = "Start from this savepoint or retained checkpoint.")
    String savepoint;

    @Parameters(paramLabel = "ARGS", description = "Arguments for the job's main method (after --).")
    List<String> jobArgs = new ArrayList<>();

    @Override
    public Integer call() {
        FlinkRestClient rest = new FlinkRestClient(cluster);
        JarRun run;
        Path jobJar;
        if (config != null) {
            if (jar != null || mainClass != null || !jobArgs.isEmpty()) {
                throw new IllegalArgumentException("--config submits the Driftwatch job; it takes no --jar, --class or ARGS");
            }
            run = DriftwatchSubmission.run(config, parallelism);
            jobJar = DriftwatchSubmission.runningJar();
        } else {
            if (jar == null || mainClass == null) {
                throw new IllegalArgumentException("give --config FILE (the Driftwatch job) or both --jar and --class");
            }
            run = JarRun.of(mainClass, jobArgs, parallelism);
            jobJar = jar;
        }
        if (savepoint != null) {
            run = run.fromSavepoint(savepoint);
        }
        String jobId = rest.submitJar(jobJar, run);
        System.out.println("submitted job " + jobId);
        System.out.println("  web UI: " + rest.webUiLink(jobId));
        return 0;
    }
}
