package io.driftwatch.localstack.flink;

import io.driftwatch.localstack.process.ChildJvm;
import io.driftwatch.localstack.process.ChildProcess;
import io.driftwatch.localstack.process.Directories;
import io.driftwatch.localstack.process.FreePorts;
import io.driftwatch.localstack.process.ReadinessProbe;
import org.apache.flink.configuration.MemorySize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * A real Flink session cluster on 127.0.0.1: one JobManager ({@code StandaloneSessionClusterEntrypoint})
 * and N TaskManagers ({@code TaskManagerRunner}), each its own child JVM on this JVM's classpath (or
 * {@link Builder#classpath}), with file checkpoints in the work dir and fixed-delay restarts.
 *
 * <pre>{@code
 * try (FlinkCluster cluster = FlinkCluster.builder().taskManagers(2).start()) {
 *     String job = cluster.submitJar(jar, "com.example.Job", List.of("--n", "10"), 4);
 *     cluster.killTaskManager(0);          // kill -9
 *     cluster.startTaskManager();          // a replacement with a fresh resource id
 *     cluster.rest().awaitJobState(job, s -> s == JobState.FINISHED, Duration.ofMinutes(2));
 * }
 * }</pre>
 *
 * <p>A TaskManager that exits on its own (not through {@link #killTaskManager}) is replaced by a fresh one,
 * as a Kubernetes Deployment would: Flink 2.2.1 sometimes fails a surviving TaskManager fatally while it
 * cancels tasks whose input came from a killed one ("FATAL - exception in exception handler of task",
 * a {@code RemoteTransportException} rethrown from {@code BufferManager.recycle}), and without a
 * replacement the job waits for slots that never come. Turn off with {@link Builder#replaceCrashedTaskManagers}.
 *
 * <p>No orphans: the children die with this JVM (see {@link ChildProcess}), and {@link #close()}
 * stops every JVM it started and returns once they are gone.
 */
public final class FlinkCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkCluster.class);

    /** Recipe sizes: the JobManager idles at ~250 MB, a TaskManager at ~310 MB. */
    public static final MemorySize DEFAULT_JOB_MANAGER_MEMORY = MemorySize.parse("1g");
    public static final MemorySize DEFAULT_TASK_MANAGER_MEMORY = MemorySize.parse("1536m");
    public static final int DEFAULT_SLOTS_PER_TASK_MANAGER = 2;
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(2);
    /** Enough restarts to ride out a lost TaskManager until its replacement registers. */
    public static final int DEFAULT_RESTART_ATTEMPTS = 100;
    public static final Duration DEFAULT_RESTART_DELAY = Duration.ofSeconds(2);
    /** The JobManager answers after ~2.5 s and a TaskManager registers after ~5 s when idle; CI is busier. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(2);
    /** Flink JVMs shut down in about a second on SIGTERM. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);
    /** Bound on automatic replacements, so a TaskManager that cannot start does not respawn forever. */
    static final int MAX_CRASH_REPLACEMENTS = 20;
    static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

    private final FlinkClusterSpec spec;
    private final Path workDir;
    private final boolean ownsWorkDir;
    private final Path confDir;
    private final Path logDir;
    private final FlinkConfigFile.Endpoints endpoints;
    private final FlinkRestClient rest;
    private final List<TaskManager> taskManagers = new ArrayList<>();
    private final Set<String> killedOnPurpose = new HashSet<>();
    private ChildProcess jobManager;
    private FlinkProcessMemory taskManagerMemory;
    private boolean closed;

    /** A started TaskManager; its process may have been killed since. */
    private record TaskManager(String resourceId, ChildProcess process) {
    }

    private FlinkCluster(FlinkClusterSpec spec) {
        this.spec = spec;
        try {
            this.ownsWorkDir = spec.workDir() == null;
            this.workDir = ownsWorkDir ? Files.createTempDirectory("driftwatch-flink-")
                    : Files.createDirectories(spec.workDir()).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the Flink work dir", e);
        }
        this.confDir = workDir.resolve("conf");
        this.logDir = workDir.resolve("log");
        int[] ports = FreePorts.pick(2);
        this.endpoints = new FlinkConfigFile.Endpoints(
                spec.rpcPort() == 0 ? ports[0] : spec.rpcPort(), spec.restPort() == 0 ? ports[1] : spec.restPort());
        this.rest = new FlinkRestClient(URI.create("http://" + FreePorts.LOOPBACK + ":" + endpoints.restPort()));
    }

    public static Builder builder() {
        return new Builder();
    }

    private synchronized FlinkCluster startAll() {
        FlinkConfigFile.write(confDir, FlinkConfigFile.settings(spec, workDir, endpoints));
        CompletableFuture<FlinkProcessMemory> tmMemory = CompletableFuture.supplyAsync(() -> FlinkProcessMemory.compute(
                FlinkProcessMemory.Role.TASK_MANAGER, confDir, spec.classpath(), logDir.resolve("memory-tm.out")));
        FlinkProcessMemory jmMemory = FlinkProcessMemory.compute(
                FlinkProcessMemory.Role.JOB_MANAGER, confDir, spec.classpath(), logDir.resolve("memory-jm.out"));
        long started = System.nanoTime();
        jobManager = startJvm(JOB_MANAGER_MAIN, "JobManager", jmMemory, List.of(), logDir.resolve("jobmanager.log"));
        taskManagerMemory = tmMemory.join();
        List<TaskManager> fresh = new ArrayList<>();
        for (int i = 0; i < spec.taskManagers(); i++) {
            fresh.add(launchTaskManager());
        }
        jobManager.awaitReady(this::restAnswers, spec.readyTimeout());
        LOG.info("Flink JobManager answers at {} after {} ms", rest.restUrl(), millisSince(started));
        for (TaskManager tm : fresh) {
            tm.process().awaitReady(() -> isRegistered(tm.resourceId()), spec.readyTimeout());
        }
        LOG.info("{} TaskManager(s) registered after {} ms", fresh.size(), millisSince(started));
        return this;
    }

    /** The REST address, e.g. {@code http://127.0.0.1:41234}; the web UI is there too. */
    public URI restUrl() {
        return rest.restUrl();
    }

    /** A REST client of this cluster. */
    public FlinkRestClient rest() {
        return rest;
    }

    /** The directory holding conf/, log/, checkpoints/, savepoints/. */
    public Path workDir() {
        return workDir;
    }

    public Path confDir() {
        return confDir;
    }

    /** Uploads {@code jar} and runs {@code mainClass} with {@code args} at {@code parallelism}; returns the job id. */
    public String submitJar(Path jar, String mainClass, List<String> args, int parallelism) {
        return rest.submitJar(jar, JarRun.of(mainClass, args, parallelism));
    }

    /** Current state of a job. */
    public JobState jobState(String jobId) {
        return rest.jobState(jobId);
    }

    /** Waits until the job's state passes {@code until}; see {@link FlinkRestClient#awaitJobState}. */
    public JobState awaitJobState(String jobId, Predicate<JobState> until, Duration timeout) {
        return rest.awaitJobState(jobId, until, timeout);
    }

    /** Stops the job with a savepoint in {@code directory}; returns the savepoint location. */
    public String stopWithSavepoint(String jobId, Path directory, Duration timeout) {
        return rest.stopWithSavepoint(jobId, directory, timeout);
    }

    /** Number of TaskManagers started so far (killed ones included); indexes are 0..count-1. */
    public synchronized int taskManagersStarted() {
        return taskManagers.size();
    }

    /** Number of TaskManager processes alive. */
    public synchronized int taskManagersAlive() {
        return (int) taskManagers.stream().filter(tm -> tm.process().isAlive()).count();
    }

    public synchronized String taskManagerResourceId(int index) {
        return taskManager(index).resourceId();
    }

    public synchronized ProcessHandle taskManagerProcess(int index) {
        return taskManager(index).process().handle();
    }

    public synchronized ProcessHandle jobManagerProcess() {
        requireRunning();
        return jobManager.handle();
    }

    /** {@code kill -9} of TaskManager {@code index}; returns once the process is gone. */
    public synchronized void killTaskManager(int index) {
        ProcessHandle handle = taskManager(index).process().handle();
        killedOnPurpose.add(taskManager(index).resourceId());
        handle.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no goodbye to the JobManager
        handle.onExit().join();
        LOG.info("killed TaskManager {} (pid {})", taskManager(index).resourceId(), handle.pid());
    }

    /**
     * Starts one more TaskManager with a fresh resource id (a replacement must not reuse a dead one's id,
     * or the dead one's heartbeat timeout drops it too) and waits until it is registered.
     *
     * @return its index
     */
    public synchronized int startTaskManager() {
        requireRunning();
        long started = System.nanoTime();
        TaskManager tm = launchTaskManager();
        tm.process().awaitReady(() -> isRegistered(tm.resourceId()), spec.readyTimeout());
        LOG.info("TaskManager {} registered after {} ms", tm.resourceId(), millisSince(started));
        return taskManagers.size() - 1;
    }

    /** Stops every JVM of the cluster (SIGTERM, SIGKILL after a grace period) and deletes a temp work dir. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ChildProcess> all = new ArrayList<>();
        taskManagers.forEach(tm -> all.add(tm.process()));
        if (jobManager != null) {
            all.add(jobManager);
        }
        all.forEach(p -> p.handle().destroy()); // SIGTERM to all first: they shut down in parallel
        all.forEach(p -> p.stop(STOP_GRACE));
        if (ownsWorkDir) {
            Directories.deleteRecursively(workDir);
        }
    }

    private TaskManager launchTaskManager() {
        String resourceId = "tm-" + taskManagers.size() + "-" + UUID.randomUUID().toString().substring(0, 8);
        ChildProcess process = startJvm(TASK_MANAGER_MAIN, "TaskManager " + resourceId, taskManagerMemory,
                List.of("-D", "taskmanager.resource-id=" + resourceId), logDir.resolve("taskmanager-" + resourceId + ".log"));
        TaskManager tm = new TaskManager(resourceId, process);
        taskManagers.add(tm);
        // async: the exit callback takes this cluster's lock, which killTaskManager holds while it waits for the exit
        process.handle().onExit().thenRunAsync(() -> replaceIfCrashed(tm));
        return tm;
    }

    private synchronized void replaceIfCrashed(TaskManager tm) {
        if (closed || !spec.replaceCrashedTaskManagers() || killedOnPurpose.contains(tm.resourceId())) {
            return;
        }
        if (crashedTaskManagers().size() > MAX_CRASH_REPLACEMENTS) {
            LOG.error("TaskManager {} exited on its own; not replaced: more than {} crashed already (see {})",
                    tm.resourceId(), MAX_CRASH_REPLACEMENTS, tm.process().logFile());
            return;
        }
        TaskManager replacement = launchTaskManager();
        LOG.warn("TaskManager {} exited on its own (log {}); started {} to replace it", tm.resourceId(),
                tm.process().logFile(), replacement.resourceId());
    }

    /** Resource ids of TaskManagers that exited on their own and were replaced. */
    public synchronized List<String> crashedTaskManagers() {
        return taskManagers.stream().filter(tm -> !tm.process().isAlive() && !killedOnPurpose.contains(tm.resourceId()))
                .map(TaskManager::resourceId).toList();
    }

    private ChildProcess startJvm(String mainClass, String name, FlinkProcessMemory memory, List<String> extraArgs, Path log) {
        List<String> jvmArgs = new ArrayList<>(FlinkJvmOptions.jdkOpens());
        jvmArgs.addAll(memory.jvmFlags());
        jvmArgs.addAll(spec.extraJvmOptions());
        jvmArgs.add("-Dlog4j.configurationFile=" + confDir.resolve(FlinkConfigFile.LOG4J_FILE).toUri());
        jvmArgs.add("-Dlog.file=" + log); // lets the web UI show this log
        List<String> args = new ArrayList<>(List.of("--configDir", confDir.toString()));
        args.addAll(memory.dynamicArgs());
        args.addAll(extraArgs);
        ChildJvm.Builder jvm = ChildJvm.builder(mainClass).jvmArgs(jvmArgs).args(args)
                .workingDir(workDir).logFile(log).displayName(name);
        if (spec.classpath() != null) {
            jvm.classpath(spec.classpath());
        }
        return jvm.build().start();
    }

    private boolean restAnswers() {
        try {
            return rest.overview().has("taskmanagers");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Registered with all its slots: a TaskManager is listed before its slot report arrives. */
    private boolean isRegistered(String resourceId) {
        try {
            return rest.taskManagerSlots().getOrDefault(resourceId, 0) >= spec.slotsPerTaskManager();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private TaskManager taskManager(int index) {
        if (index < 0 || index >= taskManagers.size()) {
            throw new IllegalArgumentException("no TaskManager " + index + "; started: " + taskManagers.size());
        }
        return taskManagers.get(index);
    }

    private void requireRunning() {
        if (closed || jobManager == null) {
            throw new IllegalStateException("the Flink cluster is not running");
        }
    }

    private static long millisSince(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime).toMillis();
    }

    /** Builder; every setting is optional. */
    public static final class Builder {
        private int taskManagers = 1;
        private int slotsPerTaskManager = DEFAULT_SLOTS_PER_TASK_MANAGER;
        private MemorySize jobManagerMemory = DEFAULT_JOB_MANAGER_MEMORY;
        private MemorySize taskManagerMemory = DEFAULT_TASK_MANAGER_MEMORY;
        private Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
        private int restartAttempts = DEFAULT_RESTART_ATTEMPTS;
        private Duration restartDelay = DEFAULT_RESTART_DELAY;
        private int rpcPort;
        private int restPort;
        private Path workDir;
        private String classpath;
        private final List<String> extraJvmOptions = new ArrayList<>();
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private boolean replaceCrashedTaskManagers = true;

        private Builder() {
        }

        /** TaskManagers started with the cluster (default 1; 0 is allowed, add them with startTaskManager). */
        public Builder taskManagers(int count) {
            this.taskManagers = count;
            return this;
        }

        public Builder slotsPerTaskManager(int slots) {
            this.slotsPerTaskManager = slots;
            return this;
        }

        /** {@code jobmanager.memory.process.size}, default 1g. */
        public Builder jobManagerMemory(MemorySize size) {
            this.jobManagerMemory = size;
            return this;
        }

        /** {@code taskmanager.memory.process.size}, default 1536m. */
        public Builder taskManagerMemory(MemorySize size) {
            this.taskManagerMemory = size;
            return this;
        }

        /** Default checkpoint interval of jobs that set none ({@code execution.checkpointing.interval}). */
        public Builder checkpointInterval(Duration interval) {
            this.checkpointInterval = interval;
            return this;
        }

        /** Fixed-delay restart strategy: attempts and the delay between them. */
        public Builder restarts(int attempts, Duration delay) {
            this.restartAttempts = attempts;
            this.restartDelay = delay;
            return this;
        }

        /** JobManager RPC port; 0 (default) picks a free one. */
        public Builder rpcPort(int port) {
            this.rpcPort = validPort(port);
            return this;
        }

        /** REST and web UI port; 0 (default) picks a free one. */
        public Builder restPort(int port) {
            this.restPort = validPort(port);
            return this;
        }

        /** Directory for config, logs, checkpoints and savepoints, kept on close; default a temp dir deleted on close. */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        /** Classpath of the Flink JVMs; default this JVM's. */
        public Builder classpath(String cp) {
            this.classpath = cp;
            return this;
        }

        /** Extra options for every Flink JVM, e.g. {@link ChildJvm#LEAN_JVM_OPTIONS} on a busy machine. */
        public Builder jvmOptions(List<String> options) {
            extraJvmOptions.addAll(options);
            return this;
        }

        /** Sets any config.yaml key on top of the defaults. */
        public Builder config(String key, String value) {
            if (key == null || key.isBlank() || value == null) {
                throw new IllegalArgumentException("config key and value must be given, were " + key + "=" + value);
            }
            overrides.put(key, value);
            return this;
        }

        /** Whether a TaskManager that exits on its own is replaced by a fresh one (default true). */
        public Builder replaceCrashedTaskManagers(boolean replace) {
            this.replaceCrashedTaskManagers = replace;
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        private static int validPort(int port) {
            if (port < 0 || port > FreePorts.MAX_PORT) {
                throw new IllegalArgumentException("port must be 0 (pick a free one) or 1.." + FreePorts.MAX_PORT + ", was " + port);
            }
            return port;
        }

        /** Starts JobManager and TaskManagers and returns once all TaskManagers are registered. */
        public FlinkCluster start() {
            FlinkCluster cluster = new FlinkCluster(new FlinkClusterSpec(taskManagers, slotsPerTaskManager,
                    jobManagerMemory, taskManagerMemory, checkpointInterval, restartAttempts, restartDelay, rpcPort,
                    restPort, workDir, classpath, extraJvmOptions, overrides, readyTimeout, replaceCrashedTaskManagers));
            try {
                return cluster.startAll();
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        }
    }
}
