package io.driftwatch.localstack.flink;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run an uploaded jar ({@code POST /jars/{id}/run}).
 *
 * @param entryClass    the job's main class
 * @param programArgs   arguments passed to its {@code main}
 * @param parallelism   default parallelism of the job, >= 1
 * @param savepointPath savepoint or retained checkpoint to start from, if any
 */
public record JarRun(String entryClass, List<String> programArgs, int parallelism, Optional<String> savepointPath) {

    public JarRun {
        if (entryClass == null || entryClass.isBlank()) {
            throw new IllegalArgumentException("entry class must be given");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
        programArgs = List.copyOf(programArgs);
        Objects.requireNonNull(savepointPath, "savepointPath");
    }

    /** A fresh start (no savepoint). */
    public static JarRun of(String entryClass, List<String> programArgs, int parallelism) {
        return new JarRun(entryClass, programArgs, parallelism, Optional.empty());
    }

    /** The same run, started from {@code savepoint}. */
    public JarRun fromSavepoint(String savepoint) {
        return new JarRun(entryClass, programArgs, parallelism, Optional.of(savepoint));
    }

    /** The same run at another parallelism. */
    public JarRun withParallelism(int newParallelism) {
        return new JarRun(entryClass, programArgs, newParallelism, savepointPath);
    }
}
