package io.driftwatch.flink.sink;

import com.clickhouse.jdbc.ClickHouseDriver;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens ClickHouse JDBC connections through the driver class itself, not {@code DriverManager}: on a Flink
 * cluster the job's classes live in a per-job class loader, and {@code DriverManager} hands a driver only to
 * the loader that registered it, so a second job (or the same job after a failover) got "No suitable driver".
 */
public final class ClickHouseConnections {

    private ClickHouseConnections() {}

    public static Connection open(String jdbcUrl, String user, String password) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        Connection connection = new ClickHouseDriver().connect(jdbcUrl, credentials);
        if (connection == null) {
            throw new SQLException("not a ClickHouse JDBC URL: " + jdbcUrl + " (expected jdbc:clickhouse:...)");
        }
        return connection;
    }
}
