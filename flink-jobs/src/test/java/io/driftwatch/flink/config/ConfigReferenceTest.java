package io.driftwatch.flink.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CONFIG.md's options table equals the one generated from the declarations. */
class ConfigReferenceTest {

    private static final Path CONFIG_MD = Path.of("CONFIG.md");
    private static final List<String> SECTIONS = List.of("kafka", "clickhouse", "windows", "drift", "baselines",
            "segments", "limits", "sink", "raw_predictions", "alerting", "labels");

    @Test
    void configMdIsUpToDate() throws IOException {
        String current = Files.readString(CONFIG_MD, StandardCharsets.UTF_8);
        String expected = ConfigReference.render(current);
        if (!expected.equals(current)) {
            Path regenerated = Path.of("target", "CONFIG.md");
            Files.createDirectories(regenerated.getParent());
            Files.writeString(regenerated, expected, StandardCharsets.UTF_8);
        }
        assertThat(current).as("CONFIG.md is out of date; copy flink-jobs/target/CONFIG.md over it").isEqualTo(expected);
    }

    @Test
    void everyOptionIsListedOnceWithADescription() {
        Set<String> paths = new HashSet<>();
        for (ConfigOption<?> option : DriftwatchConfig.OPTIONS) {
            assertThat(paths.add(option.path())).as("declared twice: %s", option.path()).isTrue();
            assertThat(option.description()).as(option.path()).isNotBlank().endsWith(".");
            assertThat(SECTIONS).as(option.path()).contains(option.path().substring(0, option.path().indexOf('.')));
            assertThat(ConfigReference.optionsTable()).contains("| `" + option.path() + "` |");
        }
    }

    @Test
    void tableShowsDefaultsAsWritten() {
        String table = ConfigReference.optionsTable();
        assertThat(table).contains("| `windows.size` | duration >= 1s | `5m` |")
                .contains("| `kafka.bootstrap_servers` | host:port list | *required* |")
                .contains("| `clickhouse.password` | secret reference | *none* |")
                .contains("| `drift.tests` | `auto` or list of test ids | `auto` |");
    }

    @Test
    void renderNeedsTheMarkers() {
        assertThatThrownBy(() -> ConfigReference.render("# no markers")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("options:begin");
    }
}
