package io.driftwatch.localstack.flink;

import io.driftwatch.localstack.process.ChildJvm;
import io.driftwatch.localstack.process.ChildProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JVM memory flags and derived {@code -D} settings of a JobManager or TaskManager, computed by
 * Flink's own {@code BashJavaUtils} from a config dir, exactly as Flink's start scripts do.
 *
 * @param jvmFlags    e.g. {@code -Xmx..., -Xms..., -XX:MaxDirectMemorySize=..., -XX:MaxMetaspaceSize=...}
 * @param dynamicArgs program arguments such as {@code -D, taskmanager.cpu.cores=2.0, ...}; a TaskManager
 *                    without them exits with "taskmanager.cpu.cores is not set"
 */
record FlinkProcessMemory(List<String> jvmFlags, List<String> dynamicArgs) {

    static final String BASH_JAVA_UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    /** Prefix of the result lines among BashJavaUtils's log output (see Flink's bin/config.sh). */
    static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";
    /** BashJavaUtils only reads the config; a small heap will do. */
    static final String TOOL_HEAP = "-Xmx128m";
    static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    /** Which process to compute for. */
    enum Role {
        JOB_MANAGER("GET_JM_RESOURCE_PARAMS"), TASK_MANAGER("GET_TM_RESOURCE_PARAMS");

        final String command;

        Role(String command) {
            this.command = command;
        }
    }

    static FlinkProcessMemory compute(Role role, Path confDir, String classpath, Path logFile) {
        ChildJvm.Builder jvm = ChildJvm.builder(BASH_JAVA_UTILS)
                .jvmArgs(ChildJvm.LEAN_JVM_OPTIONS).jvmArgs(List.of(TOOL_HEAP))
                .args(List.of(role.command, "--configDir", confDir.toString()))
                .logFile(logFile).displayName("BashJavaUtils " + role.command);
        if (classpath != null) {
            jvm.classpath(classpath);
        }
        ChildProcess tool = jvm.build().start();
        try {
            tool.handle().onExit().get(TOOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("BashJavaUtils did not finish in " + TOOL_TIMEOUT + ":\n" + tool.logTail(20), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while computing Flink memory settings", e);
        } finally {
            tool.stop();
        }
        return parse(readLines(logFile), role, logFile);
    }

    /** Picks the two result lines: JVM flags first, then the dynamic properties. */
    static FlinkProcessMemory parse(List<String> output, Role role, Path source) {
        List<String> results = output.stream().filter(line -> line.startsWith(RESULT_PREFIX))
                .map(line -> line.substring(RESULT_PREFIX.length()).trim()).toList();
        if (results.size() < 2) {
            throw new IllegalStateException("BashJavaUtils " + role.command + " printed " + results.size()
                    + " result lines, expected 2 (see " + source + "):\n" + String.join("\n", output));
        }
        // the last two: earlier runs may have appended to the same log
        List<String> lastTwo = results.subList(results.size() - 2, results.size());
        return new FlinkProcessMemory(words(lastTwo.get(0)), words(lastTwo.get(1)));
    }

    private static List<String> words(String line) {
        return line.isBlank() ? List.of() : Arrays.asList(line.trim().split("\\s+"));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }
}
