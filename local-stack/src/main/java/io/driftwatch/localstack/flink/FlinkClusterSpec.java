package io.driftwatch.localstack.flink;

import org.apache.flink.configuration.MemorySize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@link FlinkCluster.Builder} collected; validated on construction.
 *
 * @param workDir    null for a temp dir deleted on close
 * @param classpath  null for this JVM's classpath
 * @param overrides  config.yaml keys set on top of the defaults
 */
record FlinkClusterSpec(int taskManagers, int slotsPerTaskManager, MemorySize jobManagerMemory,
                        MemorySize taskManagerMemory, Duration checkpointInterval, int restartAttempts,
                        Duration restartDelay, int rpcPort, int restPort, Path workDir, String classpath,
                        List<String> extraJvmOptions, Map<String, String> overrides, Duration readyTimeout,
                        boolean replaceCrashedTaskManagers) {

    FlinkClusterSpec {
        positive("taskManagers", taskManagers, 0);
        positive("slotsPerTaskManager", slotsPerTaskManager, 1);
        positive("restartAttempts", restartAttempts, 0);
        positive("checkpointInterval", checkpointInterval);
        positive("restartDelay", restartDelay);
        positive("readyTimeout", readyTimeout);
        extraJvmOptions = List.copyOf(extraJvmOptions);
        overrides = Map.copyOf(overrides);
    }

    private static void positive(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
        }
    }
}
