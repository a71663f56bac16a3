package io.driftwatch.flink.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Secret references: env and file resolution, errors, masking. */
class SecretsTest {

    private static final String KAFKA = "kafka:\n  bootstrap_servers: localhost:9092\n";

    private static String withPassword(String reference) {
        return KAFKA + "clickhouse:\n  url: jdbc:clickhouse://localhost:8123\n  password: " + reference + "\n";
    }

    private static DriftwatchConfig load(String yaml, Map<String, String> env) {
        return new ConfigLoader(SecretResolver.withEnvironment(env)).parse(yaml, "t");
    }

    private static ConfigException failure(String yaml, Map<String, String> env) {
        return catchThrowableOfType(ConfigException.class, () -> load(yaml, env));
    }

    @Test
    void resolvesEnvironmentReferencesAndMasksThem() {
        DriftwatchConfig config = load(withPassword("${env:CH_PW}"), Map.of("CH_PW", "hunter2"));
        Secret password = config.clickhouse().password();
        assertThat(password.reveal()).isEqualTo("hunter2");
        assertThat(password.reference()).isEqualTo("${env:CH_PW}");
        assertThat(password).hasToString("****(${env:CH_PW})");
        assertThat(config.toString()).doesNotContain("hunter2").contains("****(${env:CH_PW})");
        assertThat(config.clickhouse().toString()).doesNotContain("hunter2");
    }

    @Test
    void resolvesFileReferencesDroppingOneTrailingNewline(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\n");
        DriftwatchConfig config = load(withPassword("${file:" + file.toAbsolutePath() + "}"), Map.of());
        assertThat(config.clickhouse().password().reveal()).isEqualTo("from-file");
        assertThat(config.toString()).doesNotContain("from-file");
        Files.writeString(file, "two\n\n");
        assertThat(load(withPassword("${file:" + file.toAbsolutePath() + "}"), Map.of()).clickhouse().password().reveal())
                .isEqualTo("two\n");
    }

    @Test
    void unresolvableReferencesAreErrors(@TempDir Path dir) throws IOException {
        assertThat(failure(withPassword("${env:NOT_SET}"), Map.of()).errors()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("clickhouse.password");
            assertThat(e.message()).contains("NOT_SET", "not set");
        });
        assertThat(failure(withPassword("${env:EMPTY}"), Map.of("EMPTY", "")).getMessage()).contains("empty value");
        assertThat(failure(withPassword("${env:1BAD}"), Map.of()).getMessage()).contains("not an environment variable name");
        assertThat(failure(withPassword("${file:" + dir.resolve("missing") + "}"), Map.of()).getMessage())
                .contains("cannot read secret file", "NoSuchFileException");
        assertThat(failure(withPassword("${file:relative/pw}"), Map.of()).getMessage()).contains("absolute path");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThat(failure(withPassword("${file:" + empty + "}"), Map.of()).getMessage()).contains("empty value");
    }

    @Test
    void literalSecretsAreRejectedWithoutEchoingThem() {
        for (String literal : new String[] {"plaintext-pw", "123456", "'${env:X'"}) {
            ConfigException e = failure(withPassword(literal), Map.of());
            assertThat(e.errors()).singleElement().satisfies(err -> {
                assertThat(err.path()).isEqualTo("clickhouse.password");
                assertThat(err.message()).contains("${env:VAR}");
            });
            assertThat(e.getMessage()).doesNotContain("plaintext-pw").doesNotContain("123456");
        }
    }

    @Test
    void secretsCompareByReferenceAndValue() {
        assertThat(new Secret("${env:A}", "x")).isEqualTo(new Secret("${env:A}", "x"))
                .isNotEqualTo(new Secret("${env:A}", "y")).hasSameHashCodeAs(new Secret("${env:A}", "x"));
    }
}
