package io.driftwatch.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import picocli.CommandLine.Option;

/** The ClickHouse connection options shared by every command that talks to ClickHouse. */
public final class ClickHouseConnectionOptions {

    /** Where `stack up` and `demo` serve ClickHouse's HTTP interface by default. */
    public static final int DEFAULT_LOCAL_HTTP_PORT = 18123;
    public static final String DEFAULT_URL = "jdbc:clickhouse://127.0.0.1:" + DEFAULT_LOCAL_HTTP_PORT;
    /** Environment variable read for the password, so it never appears on a command line or in a log. */
    public static final String PASSWORD_ENV = "CLICKHOUSE_PASSWORD";

    @Option(names = "--clickhouse-url", defaultValue = DEFAULT_URL,
            description = "ClickHouse JDBC URL (default: ${DEFAULT-VALUE}, the local stack).")
    String url;

    @Option(names = "--clickhouse-user", defaultValue = "default", description = "ClickHouse user (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--clickhouse-password-env", defaultValue = PASSWORD_ENV,
            description = "Environment variable holding the ClickHouse password (default: ${DEFAULT-VALUE}).")
    String passwordEnv;

    @Option(names = "--database", defaultValue = "driftwatch", description = "Driftwatch database (default: ${DEFAULT-VALUE}).")
    String database;

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        String value = System.getenv(passwordEnv);
        return value == null ? "" : value;
    }

    public String database() {
        return database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password());
    }
}
