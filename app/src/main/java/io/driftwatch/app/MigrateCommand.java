package io.driftwatch.app;

import io.driftwatch.schemas.migrate.Migrator;
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
        var applied = new Migrator(clickhouse.url(), clickhouse.user(), clickhouse.password(), clickhouse.database()).migrate();
        System.out.println("migrations applied: " + applied);
        return 0;
    }
}
