package io.driftwatch.localstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running child JVM started by {@link ChildJvm}.
 *
 * <p>Orphans are prevented twice: a shutdown hook of this JVM kills the child (covers normal exit and
 * Ctrl-C), and the child halts by itself when its stdin pipe, held open here, closes (covers
 * {@code kill -9} of this JVM).
 */
public final class ChildProcess implements AutoCloseable {

    /** Grace period between SIGTERM and SIGKILL in {@link #stop()}. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);
    /** How often {@link #awaitReady} asks the probe. */
    static final Duration READY_POLL_INTERVAL = Duration.ofMillis(100);
    /** Lines of the log quoted in error messages. */
    static final int LOG_TAIL_LINES = 40;

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Thread killOnShutdown;

    ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.killOnShutdown = new Thread(this::killNow, "driftwatch-kill-" + name + "-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnShutdown);
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Polls {@code probe} until it answers true.
     *
     * @throws IllegalStateException if the child exits first or {@code timeout} passes; the message
     *                               includes the tail of the child's log
     */
    public void awaitReady(ReadinessProbe probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue()
                        + " before it was ready. Log " + logFile + " ends with:\n" + logTail(LOG_TAIL_LINES));
            }
            if (probe.isReady()) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException(name + " (pid " + pid() + ") not ready after " + timeout
                        + " (" + probe + "). Log " + logFile + " ends with:\n" + logTail(LOG_TAIL_LINES));
            }
            waitForExit(READY_POLL_INTERVAL);
        }
    }

    /** Stops with {@link #DEFAULT_STOP_GRACE}. */
    public void stop() {
        stop(DEFAULT_STOP_GRACE);
    }

    /**
     * Sends SIGTERM, waits up to {@code grace}, then SIGKILL; returns once the process is gone.
     * SIGTERM goes through {@link ProcessHandle#destroy()} because {@link Process#destroy()} also closes
     * the child's stdin, which would make its watchdog halt it before its shutdown hooks finish.
     */
    public void stop(Duration grace) {
        if (process.isAlive()) {
            process.toHandle().destroy();
            if (!waitForExit(grace)) {
                process.destroyForcibly();
            }
        }
        killNow();
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the child is gone; nothing reads this pipe any more
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnShutdown);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs anyway and finds nothing left to kill
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The last {@code lines} lines of the log file, or a note why it cannot be read. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log " + logFile + " unreadable: " + e.getMessage() + ")";
        }
    }

    private void killNow() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        // waitFor: pid and ports must be released before a restart on the same ports
        boolean interrupted = false;
        while (true) {
            try {
                process.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean waitForExit(Duration maxWait) {
        try {
            return process.waitFor(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    @Override
    public String toString() {
        return name + "(pid " + pid() + ", log " + logFile + ")";
    }
}
