package io.driftwatch.localstack.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The lifecycle an embedded service shares (Kafka, ClickHouse): one child process at a time, restartable on the
 * same data until closed; closing deletes the data only if it was a temp dir. Not thread-safe: owners synchronize.
 */
public final class ChildService {

    private final String name;
    private final Duration stopGrace;
    private final Path tempRoot;
    private ChildProcess process;
    private boolean closed;

    /**
     * @param name      for messages, e.g. "Embedded Kafka"
     * @param stopGrace how long a stop waits for a graceful exit before SIGKILL
     * @param tempRoot  a temp dir to delete on close, or null when the data is the caller's
     */
    public ChildService(String name, Duration stopGrace, Path tempRoot) {
        this.name = name;
        this.stopGrace = stopGrace;
        this.tempRoot = tempRoot;
    }

    /** Stops a running process, launches a new one and waits until {@code awaitReady} returns; stops it if that fails. */
    public void restart(Supplier<ChildProcess> launch, Consumer<ChildProcess> awaitReady) {
        if (closed) {
            throw new IllegalStateException(name + " was closed; build a new one");
        }
        stop();
        process = launch.get();
        try {
            awaitReady.accept(process);
        } catch (RuntimeException e) {
            process.stop(stopGrace);
            process = null;
            throw e;
        }
    }

    /** Stops the process, keeping data and ports for a restart; no-op if not running. */
    public void stop() {
        if (process != null) {
            process.stop(stopGrace);
            process = null;
        }
    }

    /** Stops the process and deletes the temp dir, if any. */
    public void close() {
        closed = true;
        stop();
        if (tempRoot != null) {
            Directories.deleteRecursively(tempRoot);
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public Optional<ProcessHandle> processHandle() {
        return Optional.ofNullable(process).map(ChildProcess::handle);
    }
}
