package io.driftwatch.app.stack;

import io.driftwatch.app.ClickHouseConnectionOptions;
import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.localstack.kafka.EmbeddedKafka;
import io.driftwatch.schemas.migrate.MigrationReport;
import io.driftwatch.schemas.migrate.Migrator;
import java.sql.Connection;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts embedded Kafka and ClickHouse, applies migrations, prints where they are, and runs until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start embedded Kafka and ClickHouse on 127.0.0.1 and keep them running until Ctrl-C.")
public final class StackUpCommand implements Callable<Integer> {

    /** Kafka's default port for the local stack (the usual 9092, shifted to avoid clashing with a real broker). */
    public static final int DEFAULT_KAFKA_PORT = 19092;
    /** ClickHouse native-protocol port for the local stack (the usual 9000, shifted likewise). */
    public static final int DEFAULT_CLICKHOUSE_TCP_PORT = 19000;

    @Option(names = "--data-dir", defaultValue = "data/stack",
            description = "Where Kafka logs and ClickHouse data are kept between runs (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "" + DEFAULT_KAFKA_PORT, description = "Kafka port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--clickhouse-http-port", defaultValue = "" + ClickHouseConnectionOptions.DEFAULT_LOCAL_HTTP_PORT,
            description = "ClickHouse HTTP port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int clickhouseHttpPort;

    @Option(names = "--clickhouse-tcp-port", defaultValue = "" + DEFAULT_CLICKHOUSE_TCP_PORT,
            description = "ClickHouse native port, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int clickhouseTcpPort;

    @Option(names = "--database", defaultValue = Migrator.DEFAULT_DATABASE, description = "Database (default: ${DEFAULT-VALUE}).")
    String database;

    @Override
    public Integer call() throws Exception {
        EmbeddedClickHouse clickhouse = EmbeddedClickHouse.builder()
                .dataDir(dataDir.resolve("clickhouse"))
                .httpPort(clickhouseHttpPort)
                .tcpPort(clickhouseTcpPort)
                .build();
        EmbeddedKafka kafka = EmbeddedKafka.builder()
                .logDir(dataDir.resolve("kafka"))
                .port(kafkaPort)
                .build();
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C runs shutdown hooks while main is blocked; the hook itself stops both and then lets main return.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println();
            System.out.println("stopping the local stack...");
            kafka.close();
            clickhouse.close();
            System.out.println("stopped.");
            stopped.countDown();
        }, "stack-shutdown"));
        clickhouse.restart(); // (re)start: the first call starts it
        kafka.restart();
        MigrationReport report;
        try (Connection connection = clickhouse.openConnection()) {
            report = Migrator.builder().database(database).build().migrate(connection);
        }
        System.out.printf("""
                Driftwatch local stack is up (data in %s).
                  Kafka bootstrap servers : %s
                  ClickHouse HTTP         : %s
                  ClickHouse native (TCP) : 127.0.0.1:%d
                  ClickHouse JDBC URL     : %s
                  Migrations              : %d applied now, %d already applied
                Try:
                  curl '%s/?query=SELECT%%201'
                  ./driftwatch sql --clickhouse-url %s "SHOW TABLES FROM %s"
                Press Ctrl-C to stop.
                """, dataDir.toAbsolutePath(), kafka.bootstrapServers(), clickhouse.httpUrl(), clickhouse.tcpPort(),
                clickhouse.jdbcUrl(), report.applied().size(), report.alreadyApplied().size(), clickhouse.httpUrl(),
                clickhouse.jdbcUrl(), database);
        System.out.flush();
        stopped.await();
        return 0;
    }
}
