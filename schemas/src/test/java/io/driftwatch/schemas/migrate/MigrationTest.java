package io.driftwatch.schemas.migrate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationTest {

    @Test
    void parsesVersionFromFileName() {
        Migration m = Migration.of("V0012__add_things.sql", "SELECT 1");
        assertThat(m.version()).isEqualTo(12);
        assertThat(m.fileName()).isEqualTo("V0012__add_things.sql");
    }

    @Test
    void checksumIsSha256OfScript() {
        // sha256("SELECT 1") from coreutils: printf 'SELECT 1' | sha256sum
        assertThat(Migration.of("V0001__a.sql", "SELECT 1").checksum())
                .isEqualTo("e004ebd5b5532a4b85984a62f8ad48a81aa3460c1ca07701f386135d72cdecf5");
        assertThat(Migration.of("V0001__a.sql", "SELECT 2").checksum())
                .isNotEqualTo(Migration.of("V0001__a.sql", "SELECT 1").checksum());
    }

    @Test
    void substitutesDatabasePlaceholder() {
        Migration m = Migration.of("V0001__a.sql", "CREATE TABLE ${database}.t (x UInt8) ENGINE = Memory; DROP TABLE ${database}.u");
        assertThat(m.statements("demo")).containsExactly(
                "CREATE TABLE demo.t (x UInt8) ENGINE = Memory", "DROP TABLE demo.u");
    }

    @Test
    void rejectsMalformedNames() {
        for (String bad : new String[] {"V1__short.sql", "V0001_single.sql", "V0001__Upper.sql", "V0001__a.SQL", "0001__a.sql"}) {
            assertThatThrownBy(() -> Migration.of(bad, "SELECT 1"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> Migration.of("V0000__zero.sql", "SELECT 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be >= 1");
    }
}
