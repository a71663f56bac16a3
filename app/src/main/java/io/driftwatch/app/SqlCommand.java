package io.driftwatch.app;

import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs one SQL query against ClickHouse and prints the result as tab-separated values with a header. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a SQL query against ClickHouse (by default the local stack's) and print TSV.")
final class SqlCommand implements Callable<Integer> {

    @Mixin
    ClickHouseConnectionOptions clickhouse;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL to run.")
    String query;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Query the data a stopped demo or local stack left in DIR (e.g. data/demo): starts an "
                    + "embedded ClickHouse on DIR/clickhouse for the query instead of connecting to --clickhouse-url.")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        if (dataDir == null) {
            try (Connection connection = clickhouse.connect()) {
                return run(connection);
            }
        }
        Path data = dataDir.resolve("clickhouse");
        if (!Files.isDirectory(data)) {
            throw new UserInputException(data + ": no ClickHouse data here (run ./driftwatch demo or stack up first)");
        }
        try (EmbeddedClickHouse embedded = EmbeddedClickHouse.builder().dataDir(data).start();
             Connection connection = embedded.openConnection()) {
            return run(connection);
        }
    }

    private int run(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!statement.execute(query)) {
                System.out.println("ok");
                return 0;
            }
            try (ResultSet rows = statement.getResultSet()) {
                ResultSetMetaData meta = rows.getMetaData();
                List<String> header = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    header.add(meta.getColumnLabel(i));
                }
                System.out.println(String.join("\t", header));
                while (rows.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        cells.add(String.valueOf(rows.getString(i)));
                    }
                    System.out.println(String.join("\t", cells));
                }
            }
        }
        return 0;
    }
}
