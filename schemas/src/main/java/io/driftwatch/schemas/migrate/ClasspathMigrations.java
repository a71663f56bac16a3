package io.driftwatch.schemas.migrate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads migrations from the classpath through an index file, since a jar (shaded or not) cannot be
 * listed portably: {@code <base>/index.txt} names the migration files of {@code <base>}, one per line;
 * blank lines and lines starting with {@code #} are ignored. A unit test keeps the index complete.
 */
public final class ClasspathMigrations {

    /** Where Driftwatch's own ClickHouse migrations live. */
    public static final String DRIFTWATCH_BASE = "io/driftwatch/schemas/clickhouse";
    public static final String INDEX_FILE = "index.txt";
    private static final String COMMENT_PREFIX = "#";

    private ClasspathMigrations() {
    }

    /** Driftwatch's ClickHouse migrations. */
    public static List<Migration> driftwatch() {
        return load(ClasspathMigrations.class.getClassLoader(), DRIFTWATCH_BASE);
    }

    /**
     * The migrations listed in {@code base/index.txt}, by ascending version.
     *
     * @throws IllegalArgumentException if the index or a listed file is missing, a name is malformed,
     *                                  or two files share a version
     */
    public static List<Migration> load(ClassLoader loader, String base) {
        List<Migration> migrations = new ArrayList<>();
        for (String fileName : indexEntries(loader, base)) {
            Migration m = Migration.of(fileName, read(loader, base + "/" + fileName));
            for (Migration other : migrations) {
                if (other.version() == m.version()) {
                    throw new IllegalArgumentException("Migrations " + other.fileName() + " and " + fileName
                            + " share version " + m.version());
                }
            }
            migrations.add(m);
        }
        migrations.sort(java.util.Comparator.comparingInt(Migration::version));
        return List.copyOf(migrations);
    }

    /** The file names listed in {@code base/index.txt}, in file order. */
    public static List<String> indexEntries(ClassLoader loader, String base) {
        List<String> names = new ArrayList<>();
        for (String line : read(loader, base + "/" + INDEX_FILE).split("\n")) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith(COMMENT_PREFIX)) {
                names.add(entry);
            }
        }
        return names;
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Classpath resource " + resource + " not found");
            }
            StringBuilder text = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.lines().forEach(l -> text.append(l).append('\n'));
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read classpath resource " + resource, e);
        }
    }
}
