package io.driftwatch.flink.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where {@code ${env:VAR}} and {@code ${file:/path}} references are looked up. */
public interface SecretResolver {

    /** The value of an environment variable, if set. */
    Optional<String> env(String name);

    /** The contents of a file (UTF-8). */
    default String readFile(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    /** The process environment and the real file system. */
    static SecretResolver system() {
        return name -> Optional.ofNullable(System.getenv(name));
    }

    /** A fixed environment (tests, embedding) and the real file system. */
    static SecretResolver withEnvironment(Map<String, String> environment) {
        Map<String, String> copy = Map.copyOf(environment);
        return name -> Optional.ofNullable(copy.get(name));
    }
}
