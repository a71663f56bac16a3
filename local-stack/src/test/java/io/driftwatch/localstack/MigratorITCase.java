package io.driftwatch.localstack;

import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.schemas.migrate.ClasspathMigrations;
import io.driftwatch.schemas.migrate.Migration;
import io.driftwatch.schemas.migrate.MigrationException;
import io.driftwatch.schemas.migrate.Migrator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Error paths of {@link Migrator} against a real ClickHouse. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigratorITCase {

    private static final String BROKEN_SET = "io/driftwatch/localstack/migrations/broken";

    private EmbeddedClickHouse clickHouse;

    @BeforeAll
    void start() {
        clickHouse = EmbeddedClickHouse.start();
    }

    @AfterAll
    void stop() {
        clickHouse.close();
    }

    @Test
    void badStatementIsReportedWithFileStatementAndServerMessage() throws SQLException {
        Migrator migrator = Migrator.builder().database("it_broken")
                .migrations(ClasspathMigrations.load(getClass().getClassLoader(), BROKEN_SET)).build();
        try (Connection c = clickHouse.openConnection()) {
            assertThatThrownBy(() -> migrator.migrate(c))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("V0002__broken_type.sql")
                    .hasMessageContaining("'CREATE TABLE IF NOT EXISTS it_broken.broken'")
                    .hasMessageContaining("NoSuchType")
                    .satisfies(e -> assertThat(((MigrationException) e).fileName()).isEqualTo("V0002__broken_type.sql"));
            assertThat(recordedVersions(c, "it_broken")).containsExactly(1);
        }
    }

    @Test
    void changedAppliedMigrationIsRejected() throws SQLException {
        Migration original = Migration.of("V0001__t.sql", "CREATE TABLE IF NOT EXISTS ${database}.t (x UInt8) ENGINE = Memory");
        Migration edited = Migration.of("V0001__t.sql", "CREATE TABLE IF NOT EXISTS ${database}.t (x UInt16) ENGINE = Memory");
        try (Connection c = clickHouse.openConnection()) {
            assertThat(Migrator.builder().database("it_edited").migrations(List.of(original)).build().migrate(c).applied())
                    .containsExactly(original);
            Migrator later = Migrator.builder().database("it_edited").migrations(List.of(edited)).build();
            assertThatThrownBy(() -> later.migrate(c))
                    .isInstanceOf(MigrationException.class)
                    .hasMessageContaining("V0001__t.sql was applied to it_edited with checksum " + original.checksum())
                    .hasMessageContaining("now has checksum " + edited.checksum());
        }
    }

    private static List<Integer> recordedVersions(Connection c, String database) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM " + database + ".schema_migrations ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }
}
