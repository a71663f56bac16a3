package io.driftwatch.flink.config;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where results are written.
 *
 * @param url      JDBC URL ({@code jdbc:clickhouse://host:8123}) or HTTP(S) URL
 * @param user     user name
 * @param password password resolved from a reference, or {@code null} for none; masked in {@link #toString()}
 * @param database database holding Driftwatch's tables
 */
public record ClickHouseConfig(String url, String user, Secret password, String database) implements Serializable {

    private static final Pattern URL = Pattern.compile("(jdbc:(clickhouse|ch):(https?:)?|https?:)//\\S+");
    /** ClickHouse's plain identifier syntax (no quoting needed in DDL). */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public static final ConfigOption<String> URL_OPTION = ConfigOption.required("clickhouse.url",
            ValueTypes.matching(URL, "URL", "a ClickHouse URL, e.g. jdbc:clickhouse://localhost:8123 or http://localhost:8123"),
            "ClickHouse JDBC or HTTP(S) URL, e.g. `jdbc:clickhouse://localhost:8123`.");
    public static final ConfigOption<String> USER = ConfigOption.withDefault("clickhouse.user", ValueTypes.text(),
            "default", "ClickHouse user.");
    public static final ConfigOption<Secret> PASSWORD = ConfigOption.optional("clickhouse.password",
            ValueTypes.secret(), "Password, only as a reference: `${env:VAR}` or `${file:/path}` (one trailing newline is dropped).");
    public static final ConfigOption<String> DATABASE = ConfigOption.withDefault("clickhouse.database",
            ValueTypes.matching(IDENTIFIER, "identifier", "a plain ClickHouse identifier (letters, digits, '_')"),
            "driftwatch", "Database holding Driftwatch's tables.");

    static final List<ConfigOption<?>> OPTIONS = List.of(URL_OPTION, USER, PASSWORD, DATABASE);

    public ClickHouseConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(database, "database");
    }

    static ClickHouseConfig read(ConfigNode clickhouse) {
        int errorsBefore = clickhouse.errorCount();
        String url = clickhouse.get(URL_OPTION);
        String user = clickhouse.get(USER);
        Secret password = clickhouse.get(PASSWORD);
        String database = clickhouse.get(DATABASE);
        return clickhouse.errorCount() > errorsBefore ? null : new ClickHouseConfig(url, user, password, database);
    }
}
