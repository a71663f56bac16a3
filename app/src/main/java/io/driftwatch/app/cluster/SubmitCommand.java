package io.driftwatch.app.cluster;

import io.driftwatch.localstack.flink.FlinkRestClient;
import io.driftwatch.localstack.flink.JarRun;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Submits a job jar to a running Flink 2.x session cluster through its REST API. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Upload a job jar to a Flink session cluster over REST and run it; prints the job id.")
public final class SubmitCommand implements Callable<Integer> {

    @Option(names = "--cluster", defaultValue = "http://127.0.0.1:" + ClusterUpCommand.DEFAULT_REST_PORT,
            description = "The cluster's REST address (default: ${DEFAULT-VALUE}).")
    URI cluster;

    @Option(names = "--jar", required = true, description = "The job jar.")
    Path jar;

    @Option(names = "--class", required = true, description = "The job's main class.")
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
        JarRun run = new JarRun(mainClass, jobArgs, parallelism, Optional.ofNullable(savepoint));
        String jobId = rest.submitJar(jar, run);
        System.out.println("submitted job " + jobId);
        System.out.println("  web UI: " + rest.webUiLink(jobId));
        return 0;
    }
}
