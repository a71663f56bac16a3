package io.driftwatch.app.cluster;

import io.driftwatch.localstack.flink.FlinkCluster;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.configuration.MemorySize;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts a Flink session cluster on 127.0.0.1, prints where its web UI is, and runs until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start a Flink session cluster on 127.0.0.1 and keep it running until Ctrl-C.")
public final class ClusterUpCommand implements Callable<Integer> {

    /** Flink's own default REST and web UI port. */
    public static final int DEFAULT_REST_PORT = 8081;

    /**
     * The cluster's JVMs run on this jar's classpath, which holds the Driftwatch job and its libraries too. With
     * Flink's default child-first loading, a submitted driftwatch.jar would link Flink's Kafka connector
     * (org.apache.flink.*, always parent-first) against the cluster's Kafka client and the job's own classes
     * against the jar's copy: a LinkageError (loader constraint violation) at submit. Parent-first loads each
     * class once, from the same jar.
     */
    public static final String RESOLVE_ORDER_KEY = "classloader.resolve-order";
    public static final String PARENT_FIRST = "parent-first";

    @Option(names = "--taskmanagers", defaultValue = "2", description = "TaskManager JVMs (default: ${DEFAULT-VALUE}).")
    int taskManagers;

    @Option(names = "--slots", defaultValue = "" + FlinkCluster.DEFAULT_SLOTS_PER_TASK_MANAGER,
            description = "Task slots per TaskManager (default: ${DEFAULT-VALUE}).")
    int slots;

    @Option(names = "--rest-port", defaultValue = "" + DEFAULT_REST_PORT,
            description = "REST and web UI port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int restPort;

    @Option(names = "--jobmanager-memory", defaultValue = "1g", converter = MemorySizeConverter.class,
            description = "JobManager process size (default: ${DEFAULT-VALUE}).")
    MemorySize jobManagerMemory;

    @Option(names = "--taskmanager-memory", defaultValue = "1536m", converter = MemorySizeConverter.class,
            description = "TaskManager process size (default: ${DEFAULT-VALUE}).")
    MemorySize taskManagerMemory;

    @Option(names = "--work-dir",
            description = "Keep config, logs, checkpoints and savepoints here (default: a temp dir deleted on exit).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        if (taskManagers < 1) {
            throw new IllegalArgumentException("--taskmanagers must be >= 1, was " + taskManagers);
        }
        FlinkCluster.Builder builder = FlinkCluster.builder().taskManagers(taskManagers).slotsPerTaskManager(slots)
                .restPort(restPort).jobManagerMemory(jobManagerMemory).taskManagerMemory(taskManagerMemory)
                .config(RESOLVE_ORDER_KEY, PARENT_FIRST);
        if (workDir != null) {
            builder.workDir(workDir.toAbsolutePath());
        }
        System.out.println("starting a Flink session cluster with " + taskManagers + " TaskManager(s)...");
        System.out.flush();
        FlinkCluster cluster = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C runs shutdown hooks while call() waits; the hook stops every JVM, then lets call() return.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println();
            System.out.println("stopping the Flink cluster...");
            cluster.close();
            System.out.println("stopped.");
            stopped.countDown();
        }, "cluster-shutdown"));
        String url = cluster.restUrl().toString();
        System.out.printf("""
                Flink session cluster is up (Flink %s).
                  Web UI and REST : %s
                  TaskManagers    : %d x %d slots
                  Work dir        : %s (logs in log/)
                Submit a job:
                  ./driftwatch submit --cluster %s --jar JOB.jar --class MAIN_CLASS --parallelism 2 -- ARGS...
                Press Ctrl-C to stop.
                """, cluster.rest().overview().path("flink-version").asText(), url, taskManagers, slots,
                cluster.workDir(), url);
        System.out.flush();
        stopped.await();
        return 0;
    }
}
