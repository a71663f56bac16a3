package io.driftwatch.schemas.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation of {@link AlertRow}; its binding is checked against ClickHouse in flink-jobs' AlertingITCase. */
class AlertRowTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-01T10:05:00Z");
    private static final WindowKey WINDOW = new WindowKey("fraud", "v3", WindowKey.ALL_TRAFFIC, T0, T1);

    private static AlertRow row(String rule, String dedupKey, Map<String, String> labels) {
        return new AlertRow(rule, WINDOW, "amount", AlertKind.FIRED, dedupKey, AlertSeverity.ERROR, "feature_drift",
                "ks", "p_value <= 0.01", "p_value", 0.001, 0.01, 0.3, 0.001, Double.NaN, "training:b1", T1, labels,
                List.of("pd"), "[FIRING] drift", "", "", T1);
    }

    @Test
    void identityMustBeNamed() {
        assertThatThrownBy(() -> row(" ", "k", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rule");
        assertThatThrownBy(() -> row("drift", "", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dedup key");
    }

    @Test
    void copiesLabelsAndListsEveryColumnOnce() {
        Map<String, String> labels = new HashMap<>(Map.of("team", "risk"));
        AlertRow row = row("drift", "k", labels);
        labels.put("other", "x");
        assertThat(row.labels()).containsOnlyKeys("team");
        assertThat(AlertRow.TABLE.columns()).hasSize(27).doesNotHaveDuplicates().startsWith("rule", "model_id");
        assertThat(AlertKind.RESOLVED.sqlValue()).isEqualTo("resolved");
        assertThat(AlertSeverity.CRITICAL.sqlValue()).isEqualTo("critical");
    }
}
