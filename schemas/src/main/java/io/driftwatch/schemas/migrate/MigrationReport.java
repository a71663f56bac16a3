package io.driftwatch.schemas.migrate;

import java.util.List;

/**
 * Outcome of {@link Migrator#migrate}.
 *
 * @param applied        migrations applied by this run, in order
 * @param alreadyApplied migrations found recorded with a matching checksum and skipped
 */
public record MigrationReport(List<Migration> applied, List<Migration> alreadyApplied) {

    public MigrationReport {
        applied = List.copyOf(applied);
        alreadyApplied = List.copyOf(alreadyApplied);
    }

    /** True if this run changed nothing. */
    public boolean upToDate() {
        return applied.isEmpty();
    }
}
