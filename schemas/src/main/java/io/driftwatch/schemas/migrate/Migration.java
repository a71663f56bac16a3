package io.driftwatch.schemas.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One migration file, e.g. {@code V0001__smoke_events.sql}: version 1, description "smoke_events".
 *
 * @param version  positive version number from the file name; migrations apply in ascending order
 * @param fileName the file name, used in records and error messages
 * @param script   the file's text, with the {@value Migrator#DATABASE_PLACEHOLDER} placeholder unreplaced
 * @param checksum SHA-256 (hex) of {@code script}; a changed applied file is detected through it
 */
public record Migration(int version, String fileName, String script, String checksum) {

    /** {@code V<digits>__<description>.sql}, description of lower-case letters, digits and underscores. */
    public static final Pattern FILE_NAME = Pattern.compile("V(\\d{4,})__([a-z0-9_]+)\\.sql");

    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration version must be >= 1, was " + version + " (" + fileName + ")");
        }
    }

    /**
     * Parses the version from {@code fileName} and checksums {@code script}.
     *
     * @throws IllegalArgumentException if the name does not match {@link #FILE_NAME}
     */
    public static Migration of(String fileName, String script) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("Migration file name '" + fileName
                    + "' does not match V<4+ digits>__<lower_case_description>.sql");
        }
        return new Migration(Integer.parseInt(m.group(1)), fileName, script, sha256(script));
    }

    /** The statements with {@value Migrator#DATABASE_PLACEHOLDER} replaced by {@code database}. */
    public List<String> statements(String database) {
        return SqlScript.split(script.replace(Migrator.DATABASE_PLACEHOLDER, database));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
