package io.driftwatch.schemas.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies ClickHouse schema migrations over plain JDBC, each once, recording them in
 * {@code <database>.schema_migrations (version, name, checksum, applied_at)}.
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection(url)) {
 *     MigrationReport r = Migrator.builder().database("driftwatch").build().migrate(c);
 * }
 * }</pre>
 *
 * <p>Behaviour: the database is created if missing; migrations run by ascending version; a recorded
 * migration with the same checksum is skipped, one with a different checksum is an error (edit by adding
 * a new migration instead); recorded versions that are not known locally (a newer release migrated this
 * database) are ignored. A migration is recorded only after all its statements succeeded; ClickHouse DDL
 * is not transactional, so a migration that failed half-way is re-run from its first statement: write
 * statements idempotently ({@code IF NOT EXISTS}). Migrators must not run concurrently on one database.
 */
public final class Migrator {

    /** Replaced by the database name in migration scripts. */
    public static final String DATABASE_PLACEHOLDER = "${database}";
    public static final String DEFAULT_DATABASE = "driftwatch";
    public static final String HISTORY_TABLE = "schema_migrations";
    /** Plain ClickHouse identifiers only, so the name needs no quoting in any script. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String database;
    private final List<Migration> migrations;

    private Migrator(String database, List<Migration> migrations) {
        this.database = database;
        this.migrations = List.copyOf(migrations);
    }

    /** Driftwatch's migrations on database {@value #DEFAULT_DATABASE}. */
    public static Migrator driftwatch() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String database() {
        return database;
    }

    public List<Migration> migrations() {
        return migrations;
    }

    /**
     * Applies all migrations not yet recorded.
     *
     * @throws MigrationException naming the file, the first line of the failing statement and the
     *                            server's message; or naming a recorded file whose checksum changed
     */
    public MigrationReport migrate(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS " + database);
            statement.execute("CREATE TABLE IF NOT EXISTS " + historyTable() + " (version UInt32, name String,"
                    + " checksum String, applied_at DateTime64(3, 'UTC')) ENGINE = MergeTree ORDER BY version");
            Map<Integer, String> recorded = recordedChecksums(statement);
            List<Migration> applied = new ArrayList<>();
            List<Migration> skipped = new ArrayList<>();
            for (Migration m : migrations) {
                String checksum = recorded.get(m.version());
                if (checksum == null) {
                    apply(connection, statement, m);
                    applied.add(m);
                } else if (checksum.equals(m.checksum())) {
                    skipped.add(m);
                } else {
                    throw new MigrationException(m.fileName(), "Migration " + m.fileName() + " was applied to "
                            + database + " with checksum " + checksum + " but now has checksum " + m.checksum()
                            + "; applied migrations must not change, add a new one instead", null);
                }
            }
            return new MigrationReport(applied, skipped);
        } catch (SQLException e) {
            throw new MigrationException(null, "Could not read or create " + historyTable() + ": " + e.getMessage(), e);
        }
    }

    private void apply(Connection connection, Statement statement, Migration m) {
        for (String sql : m.statements(database)) {
            try {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new MigrationException(m.fileName(), "Migration " + m.fileName() + " failed at statement '"
                        + SqlScript.firstLine(sql) + "': " + e.getMessage(), e);
            }
        }
        // Values are bound, never spliced into the SQL (only the validated database identifier is).
        String record = "INSERT INTO " + historyTable() + " (version, name, checksum, applied_at) VALUES (?, ?, ?, now64(3))";
        try (PreparedStatement insert = connection.prepareStatement(record)) {
            insert.setInt(1, m.version());
            insert.setString(2, m.fileName());
            insert.setString(3, m.checksum());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new MigrationException(m.fileName(), "Migration " + m.fileName() + " applied but could not be"
                    + " recorded in " + historyTable() + ": " + e.getMessage(), e);
        }
    }

    private Map<Integer, String> recordedChecksums(Statement statement) throws SQLException {
        Map<Integer, String> recorded = new HashMap<>();
        try (ResultSet rs = statement.executeQuery("SELECT version, checksum FROM " + historyTable())) {
            while (rs.next()) {
                recorded.put(rs.getInt(1), rs.getString(2));
            }
        }
        return recorded;
    }

    private String historyTable() {
        return database + "." + HISTORY_TABLE;
    }

    /** Builder of {@link Migrator}. */
    public static final class Builder {
        private String database = DEFAULT_DATABASE;
        private List<Migration> migrations;

        private Builder() {
        }

        /**
         * Target database, substituted for {@value #DATABASE_PLACEHOLDER}; default {@value #DEFAULT_DATABASE}.
         *
         * @throws IllegalArgumentException unless a plain identifier ({@code [A-Za-z_][A-Za-z0-9_]*})
         */
        public Builder database(String name) {
            if (name == null || !DATABASE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ", was '" + name + "'");
            }
            this.database = name;
            return this;
        }

        /** Migrations to apply instead of {@link ClasspathMigrations#driftwatch()}. */
        public Builder migrations(List<Migration> list) {
            this.migrations = List.copyOf(list);
            return this;
        }

        public Migrator build() {
            return new Migrator(database, migrations == null ? ClasspathMigrations.driftwatch() : migrations);
        }
    }
}
