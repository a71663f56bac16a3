package io.driftwatch.schemas.migrate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigratorTest {

    @Test
    void defaultsToDriftwatchDatabaseAndOwnMigrations() {
        Migrator m = Migrator.driftwatch();
        assertThat(m.database()).isEqualTo("driftwatch");
        assertThat(m.migrations()).isEqualTo(ClasspathMigrations.driftwatch());
    }

    @Test
    void rejectsDatabaseNamesThatWouldNeedQuoting() {
        for (String bad : new String[] {"", "1abc", "a-b", "a.b", "a b", "x;DROP"}) {
            assertThatThrownBy(() -> Migrator.builder().database(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database name");
        }
        assertThatThrownBy(() -> Migrator.builder().database(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Migrator.builder().database("test_db_2").build().database()).isEqualTo("test_db_2");
    }
}
