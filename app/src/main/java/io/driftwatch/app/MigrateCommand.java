package io.driftwatch.app;

import io.driftwatch.schemas.migrate.MigrationReport;
import io.driftwatch.schemas.migrate.Migrator;
import java.sql.Connection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Applies the ClickHouse schema migrations to any ClickHouse. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Create or upgrade Driftwatch's ClickHouse tables (each migration is applied once).")
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    ClickHouseConnectionOptions clickhouse;

    @Override
    public Integer call() throws Exception {
        try (Connection connection = clickhouse.connect()) {
            MigrationReport report = Migrator.builder().database(clickhouse.database()).build().migrate(connection);
            report.applied().forEach(m -> System.out.println("applied   " + m.fileName()));
            report.alreadyApplied().forEach(m -> System.out.println("unchanged " + m.fileName()));
            System.out.println(report.upToDate() ? "schema was already up to date"
                    : report.applied().size() + " migration(s) applied to database " + clickhouse.database());
        }
        return 0;
    }
}
