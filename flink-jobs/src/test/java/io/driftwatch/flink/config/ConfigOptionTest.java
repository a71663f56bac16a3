package io.driftwatch.flink.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigOptionTest {

    @Test
    void declarationsAreChecked() {
        assertThatThrownBy(() -> ConfigOption.withDefault("Windows.Size", ValueTypes.text(), "x", "d."))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Windows");
        assertThatThrownBy(() -> new ConfigOption<>("a.b", ValueTypes.text(), "x", true, "d."))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("required");
        ConfigOption<Duration> option = WindowConfig.SIZE;
        assertThat(option.name()).isEqualTo("size");
        assertThat(option.parentPath()).isEqualTo("windows");
        assertThat(BaselineConfig.KIND.parentPath()).isEqualTo("baselines.<model>");
        assertThat(KafkaConfig.BOOTSTRAP_SERVERS.defaultText()).isEqualTo("required");
        assertThat(ClickHouseConfig.PASSWORD.defaultText()).isEqualTo("none");
    }

    @Test
    void readingAnOptionAtTheWrongLevelIsAProgrammingError() {
        LoadContext context = new LoadContext(DriftwatchConfig.OPTIONS, SecretResolver.withEnvironment(Map.of()));
        ConfigNode root = ConfigNode.root(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), context);
        assertThatThrownBy(() -> root.get(WindowConfig.SIZE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("windows.size");
        assertThatThrownBy(() -> root.section("nope")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> root.section("windows").entries()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void loadsFromAFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("driftwatch.yaml");
        Files.writeString(file, ConfigLoaderTest.MINIMAL);
        ConfigLoader loader = new ConfigLoader(SecretResolver.withEnvironment(Map.of()));
        assertThat(loader.load(file).kafka().bootstrapServers()).isEqualTo("localhost:9092");
        Files.writeString(file, ConfigLoaderTest.MINIMAL + "sink:\n  batch_rows: lots\n");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> loader.load(file));
        assertThat(e.getMessage()).startsWith(file + ": 1 configuration error").contains("sink.batch_rows: must be an integer");
        ConfigException missing = catchThrowableOfType(ConfigException.class, () -> loader.load(dir.resolve("absent.yaml")));
        assertThat(missing.getMessage()).contains("cannot read");
    }

    @Test
    void configIsSerializableForFlink() throws Exception {
        DriftwatchConfig config = new ConfigLoader(SecretResolver.withEnvironment(Map.of("CLICKHOUSE_PASSWORD", "pw")))
                .parse(ConfigLoaderTest.exampleYaml(), "example");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(config);
        }
    }
}
