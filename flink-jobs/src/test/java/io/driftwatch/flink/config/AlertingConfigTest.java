package io.driftwatch.flink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code alerting.rules}: optional; read and validated at load, errors with line and column. */
class AlertingConfigTest {

    private static final String BASE = "kafka:\n  bootstrap_servers: localhost:9092\nclickhouse:\n  url: http://localhost:8123\n";

    @Test
    void withoutRulesAlertingIsOff() {
        DriftwatchConfig config = new ConfigLoader().parse(BASE, "c.yaml");
        assertThat(config.alerting()).isEqualTo(AlertingConfig.NONE);
        assertThat(config.alerting().enabled()).isFalse();
    }

    @Test
    void aValidFileIsLoadedWithItsText(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules.yaml");
        String yaml = "notifiers:\n  - {name: hook, type: webhook, url: 'http://127.0.0.1:1/h'}\nrules:\n"
                + "  - {name: lat, selector: {metric: latency}, condition: {value: p99, op: '>', threshold: 1},"
                + " severity: info, routes: [hook]}\n";
        Files.writeString(rules, yaml, StandardCharsets.UTF_8);
        DriftwatchConfig config = new ConfigLoader().parse(BASE + "alerting:\n  rules: " + rules + "\n", "c.yaml");
        assertThat(config.alerting().enabled()).isTrue();
        assertThat(config.alerting().rulesYaml()).isEqualTo(yaml);
        assertThat(config.alerting().toString()).contains(rules.toString()).doesNotContain("webhook");
    }

    @Test
    void aMissingOrInvalidFileIsAConfigError(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> new ConfigLoader().parse(BASE + "alerting:\n  rules: " + dir.resolve("none.yaml") + "\n",
                "c.yaml")).isInstanceOf(ConfigException.class).hasMessageContaining("alerting")
                .hasMessageContaining("cannot be read");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "rules:\n  - name: x\n    severity: loud\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ConfigLoader().parse(BASE + "alerting:\n  rules: " + bad + "\n", "c.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining(bad + ":3:");
        assertThatThrownBy(() -> new ConfigLoader().parse(BASE + "alerting:\n  rule: x\n", "c.yaml"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("alerting.rule");
    }
}
