package io.driftwatch.schemas.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation of the row records; their binding is checked against ClickHouse in flink-jobs' TableRowsITCase. */
class TableRowsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-01T10:05:00Z");
    private static final WindowKey WINDOW = new WindowKey("fraud", "v3", WindowKey.ALL_TRAFFIC, T0, T1);

    @Test
    void windowMustBeNonEmptyAndNamed() {
        assertThatThrownBy(() -> new WindowKey("fraud", "v3", "", T1, T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not after its start");
        assertThatThrownBy(() -> new WindowKey(" ", "v3", "", T0, T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> new WindowKey("fraud", "v3", null, T0, T1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void countsMustBeConsistent() {
        assertThatThrownBy(() -> new VolumeRow(WINDOW, 5, 6, 0, 0, 0, 0, 0, Map.of(), 0, T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scored 6");
        assertThatThrownBy(() -> new DataQualityRow(WINDOW, "amount", 10, -1, 0, 0, 0, 0, 0, 0, T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> new FeatureDriftRow(WINDOW, Subject.FEATURE, "a", DistributionKind.NUMERIC, "ks",
                BaselineKind.TRAINING, "", 0.1, 0.5, 0.05, false, 0, -1, 10, T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nReference");
        assertThatThrownBy(() -> new DeadLetterRow("t", 0, 1, T0, T1, "", "invalid_json", "", "abcd", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payloadBytes 3");
    }

    @Test
    void sampleRateMustBeAFraction() {
        for (float bad : new float[] {0f, -0.5f, 1.5f, Float.NaN}) {
            assertThatThrownBy(() -> new PredictionRawRow("m", "v", "p", T0, T1, Map.of(), Map.of(), 0.5, "", 1.0, bad))
                    .as("rate " + bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sample rate");
        }
    }

    @Test
    void rowsCopyTheirMutableInputs() {
        Map<String, Long> counts = new HashMap<>(Map.of("a", 1L));
        VolumeRow row = new VolumeRow(WINDOW, 1, 1, 0, 0, 0, 0, 0, counts, 0, T1);
        counts.put("b", 2L);
        assertThat(row.classCounts()).containsOnlyKeys("a");

        byte[] sketch = {1, 2};
        LatencyRow latency = new LatencyRow(WINDOW, 1, 1, 1, 1, 1, 1, 1, 1, 1, sketch, T1);
        sketch[0] = 9;
        assertThat(latency.sketch()).containsExactly(1, 2);
        assertThat(latency).isEqualTo(new LatencyRow(WINDOW, 1, 1, 1, 1, 1, 1, 1, 1, 1, new byte[] {1, 2}, T1));
    }

    @Test
    void insertSqlListsColumnsAndOnePlaceholderEach() {
        TableSpec spec = new TableSpec("t", List.of("a", "b"));
        assertThat(spec.insertSql("db")).isEqualTo("INSERT INTO db.t (a, b) VALUES (?, ?)");
        assertThat(FeatureDriftRow.TABLE.columns()).hasSize(19).doesNotHaveDuplicates();
        assertThatThrownBy(() -> new TableSpec("t", List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void enumsUseTheTablesLowerCaseValues() {
        assertThat(Subject.SCORE.sqlValue()).isEqualTo("score");
        assertThat(BaselineKind.WINDOW.sqlValue()).isEqualTo("window");
        assertThat(DistributionKind.CATEGORICAL.sqlValue()).isEqualTo("categorical");
    }

    @Test
    void labelRowsCheckTheirCounts() {
        assertThatThrownBy(() -> new PerformanceRow.Counts(3, 4, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labelled 4");
        assertThat(new PerformanceRow.Counts(4, 1, 0, 0, 0, 0).coverage()).isEqualTo(0.25);
        assertThat(new PerformanceRow.Counts(0, 0, 0, 0, 0, 0).coverage()).isNaN();
        assertThatThrownBy(() -> new ReliabilityRow(WINDOW, 0, 0, 0.1, -1, 0, 0, T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
        assertThatThrownBy(() -> new ChangePointRow("m", "v", "", "adwin", "error", T1, T0, -1, 0, 0, T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("observations");
        assertThat(PerformanceRow.TABLE.columns()).hasSize(41).doesNotHaveDuplicates();
        assertThat(ReliabilityRow.TABLE.columns()).hasSize(12);
        assertThat(ChangePointRow.TABLE.columns()).hasSize(11);
        assertThat(ModelTask.MULTICLASS.sqlValue()).isEqualTo("multiclass");
    }
}
