package io.driftwatch.app;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Runs one SQL query against ClickHouse and prints the result as tab-separated values with a header. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a SQL query against ClickHouse (by default the local stack's) and print TSV.")
final class SqlCommand implements Callable<Integer> {

    @Mixin
    ClickHouseConnectionOptions clickhouse;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL to run.")
    String query;

    @Override
    public Integer call() throws Exception {
        try (Connection connection = clickhouse.connect(); Statement statement = connection.createStatement()) {
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
