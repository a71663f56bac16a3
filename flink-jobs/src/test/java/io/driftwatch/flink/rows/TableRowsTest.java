package io.driftwatch.flink.rows;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.profile.FeatureKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TableRowsTest {

    private static final WindowId WINDOW = new WindowId("m", "v", "", 60_000, 120_000);

    @Test
    void driftRowMapsOntoTheSharedTableRow() {
        DriftResult result = new DriftResult(DriftTestId.PSI, 0.3, Double.NaN, 0.1, true, 0.0);
        var row = TableRows.of(FeatureDriftRow.of(WINDOW, Subject.SCORE, "score", FeatureKind.NUMERIC,
                BaselineKind.WINDOW, "w", result, 10, 20, 5));
        assertThat(row.window().start()).isEqualTo(Instant.ofEpochMilli(60_000));
        assertThat(row.window().segment()).isEmpty();
        assertThat(row.subject()).isEqualTo(io.driftwatch.schemas.tables.Subject.SCORE);
        assertThat(row.baselineKind()).isEqualTo(io.driftwatch.schemas.tables.BaselineKind.WINDOW);
        assertThat(row.test()).isEqualTo("psi");
        assertThat(row.pValue()).isNaN();
        assertThat(row.emittedAt()).isEqualTo(Instant.ofEpochMilli(5));
    }

    @Test
    void volumeRowKeepsClassCounts() {
        var row = TableRows.of(new VolumeRow(WINDOW, 3, 2, 1.0, 0.5, 0.1, 0.4, 0.6, new String[] {"a", "b"},
                new long[] {2, 1}, 0, 0, 7));
        assertThat(row.classCounts()).containsEntry("a", 2L).containsEntry("b", 1L).hasSize(2);
    }

    @Test
    void payloadTextNeverExceedsTheOriginalSize() {
        byte[] invalidUtf8 = {'{', (byte) 0xFF, '}'};
        String text = TableRows.payloadText(invalidUtf8, invalidUtf8.length);
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(invalidUtf8.length);
        assertThat(text).startsWith("{");
        assertThat(TableRows.payloadText("{\"a\":1}".getBytes(StandardCharsets.UTF_8), 7)).isEqualTo("{\"a\":1}");
    }
}
