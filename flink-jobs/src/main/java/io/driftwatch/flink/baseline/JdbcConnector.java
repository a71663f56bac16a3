package io.driftwatch.flink.baseline;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new JDBC connection to ClickHouse; the caller closes it. */
@FunctionalInterface
public interface JdbcConnector {
    Connection open() throws SQLException;
}
