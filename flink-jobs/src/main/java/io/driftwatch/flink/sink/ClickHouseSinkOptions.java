package io.driftwatch.flink.sink;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how a {@link ClickHouseSink} writes. Built by {@link ClickHouseSink.Builder}, which checks it.
 *
 * @param jdbcUrl        ClickHouse JDBC URL, e.g. {@code jdbc:clickhouse://127.0.0.1:8123/driftwatch}
 * @param user           user name
 * @param password       password; never logged (see {@link #toString()})
 * @param table          target table, optionally {@code database.table}
 * @param columns        target columns in the order the binder binds them
 * @param maxBatchRows   flush when this many rows are buffered
 * @param flushInterval  flush at least this often while rows are buffered
 * @param maxRetries     attempts per batch after the first before the writer fails (and the job restarts
 *                       from its last checkpoint)
 * @param initialBackoff first retry delay; doubled per attempt, with jitter
 * @param maxBackoff     cap on the retry delay
 */
public record ClickHouseSinkOptions(String jdbcUrl, String user, String password, String table, List<String> columns,
                                    int maxBatchRows, Duration flushInterval, int maxRetries, Duration initialBackoff,
                                    Duration maxBackoff) implements Serializable {

    public ClickHouseSinkOptions {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
    }

    String insertSql() {
        String placeholders = String.join(", ", columns.stream().map(c -> "?").toList());
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders + ")";
    }

    @Override
    public String toString() {
        return "ClickHouseSinkOptions[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***, table=" + table
                + ", columns=" + columns + ", maxBatchRows=" + maxBatchRows + ", flushInterval=" + flushInterval
                + ", maxRetries=" + maxRetries + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff
                + "]";
    }
}
