package io.driftwatch.schemas.migrate;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ClasspathMigrationsTest {

    /** Surefire runs with the module directory as working directory. */
    private static final Path SOURCE_DIR = Path.of("src/main/resources", ClasspathMigrations.DRIFTWATCH_BASE);

    @Test
    void indexListsExactlyTheSqlFilesOfTheDirectory() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(SOURCE_DIR)) {
            onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        List<String> indexed = ClasspathMigrations.indexEntries(getClass().getClassLoader(), ClasspathMigrations.DRIFTWATCH_BASE);
        assertThat(onDisk).isNotEmpty();
        assertThat(indexed).as("entries of %s/%s", SOURCE_DIR, ClasspathMigrations.INDEX_FILE)
                .containsExactlyInAnyOrderElementsOf(onDisk);
    }

    @Test
    void driftwatchMigrationsLoadInVersionOrderStartingWithSmokeEvents() {
        List<Migration> migrations = ClasspathMigrations.driftwatch();
        assertThat(migrations).extracting(Migration::version).isSorted().doesNotHaveDuplicates();
        assertThat(migrations.get(0).fileName()).isEqualTo("V0001__smoke_events.sql");
        assertThat(migrations.get(0).statements("driftwatch")).singleElement().asString()
                .startsWith("CREATE TABLE IF NOT EXISTS driftwatch.smoke_events");
    }

    @Test
    void everyDriftwatchScriptSplitsIntoStatementsUsingThePlaceholder() {
        for (Migration m : ClasspathMigrations.driftwatch()) {
            assertThat(m.statements("x")).as(m.fileName()).isNotEmpty();
            assertThat(m.script()).as(m.fileName()).contains(Migrator.DATABASE_PLACEHOLDER);
        }
    }

    @Test
    void missingIndexOrFileIsReported() {
        ClassLoader loader = getClass().getClassLoader();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClasspathMigrations.load(loader, "no/such/dir"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no/such/dir/index.txt not found");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClasspathMigrations.load(loader, "migrations/missing-file"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("migrations/missing-file/V0002__absent.sql not found");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClasspathMigrations.load(loader, "migrations/duplicate-version"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share version 1");
    }
}
