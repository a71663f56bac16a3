package io.driftwatch.localstack.flink;

import io.driftwatch.localstack.process.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.UUID;
import java.time.Duration;
import org.apache.flink.configuration.MemorySize;

/** Cluster settings for tests on a shared 2-core machine: small JVMs, quick checkpoints and restarts. */
final class TestClusters {

    /** Smallest JobManager that runs the test jobs comfortably. */
    static final MemorySize JOB_MANAGER_MEMORY = MemorySize.parse("768m");
    static final MemorySize TASK_MANAGER_MEMORY = MemorySize.parse("1024m");
    /** The hashmap state backend needs no managed memory; the small TM gives it to the task heap instead. */
    static final String MANAGED_FRACTION = "0.05";
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    static final Duration RESTART_DELAY = Duration.ofSeconds(1);
    static final Path WORK_ROOT = Path.of("target", "flink-clusters").toAbsolutePath();

    private TestClusters() {
    }

    static FlinkCluster.Builder small(int taskManagers) {
        try {
            return FlinkCluster.builder().taskManagers(taskManagers)
                    .jobManagerMemory(JOB_MANAGER_MEMORY).taskManagerMemory(TASK_MANAGER_MEMORY)
                    .config("taskmanager.memory.managed.fraction", MANAGED_FRACTION)
                    .checkpointInterval(CHECKPOINT_INTERVAL)
                    .restarts(FlinkCluster.DEFAULT_RESTART_ATTEMPTS, RESTART_DELAY)
                    .jvmOptions(ChildJvm.LEAN_JVM_OPTIONS)
                    .classpath(JobJars.clusterClasspathWithoutTestClasses())
                    // kept after the test: the JVMs' logs are in log/
                    .workDir(WORK_ROOT.resolve(UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
