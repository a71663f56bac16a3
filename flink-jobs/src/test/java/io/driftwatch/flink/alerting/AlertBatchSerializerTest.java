package io.driftwatch.flink.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.alerting.eval.AlertEvent;
import io.driftwatch.alerting.eval.Evaluator;
import io.driftwatch.schemas.tables.AlertKind;
import io.driftwatch.schemas.tables.AlertRow;
import io.driftwatch.schemas.tables.AlertSeverity;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Committables survive a checkpoint byte for byte; alert records convert back to the events and table rows. */
class AlertBatchSerializerTest {

    private static List<AlertEvent> events() {
        List<AlertEvent> events = new Evaluator(AlertEvaluatorFunctionTest.RULES.parse())
                .evaluate(AlertEvaluatorFunctionTest.rows());
        assertThat(events).hasSizeGreaterThan(2);
        return events;
    }

    @Test
    void batchesRoundTrip() throws IOException {
        List<AlertEvent> events = events();
        AlertBatch batch = new AlertBatch(events.stream().map(e -> AlertRecord.of(e, 42L)).toList());
        AlertBatchSerializer serializer = new AlertBatchSerializer();
        AlertBatch back = serializer.deserialize(serializer.getVersion(), serializer.serialize(batch));
        assertThat(back.records()).extracting(AlertRecord::toEvent).isEqualTo(events);
        assertThat(back.records()).allSatisfy(r -> assertThat(r.emittedAt).isEqualTo(42L));
        assertThat(serializer.deserialize(AlertBatchSerializer.VERSION,
                serializer.serialize(new AlertBatch(List.of()))).records()).isEmpty();
    }

    @Test
    void unknownVersionOrTruncatedBytesAreRejected() throws IOException {
        AlertBatchSerializer serializer = new AlertBatchSerializer();
        byte[] bytes = serializer.serialize(new AlertBatch(List.of(AlertRecord.of(events().get(0), 1L))));
        assertThatThrownBy(() -> serializer.deserialize(AlertBatchSerializer.VERSION + 1, bytes))
                .isInstanceOf(IOException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> serializer.deserialize(AlertBatchSerializer.VERSION,
                java.util.Arrays.copyOf(bytes, bytes.length / 2))).isInstanceOf(IOException.class);
    }

    @Test
    void recordsBecomeTableRows() {
        AlertEvent e = events().get(0);
        AlertRow row = AlertRecord.of(e, 7L).toRow();
        assertThat(row.rule()).isEqualTo(e.rule());
        assertThat(row.kind()).isEqualTo(AlertKind.valueOf(e.kind().name()));
        assertThat(row.severity()).isEqualTo(AlertSeverity.valueOf(e.severity().name()));
        assertThat(row.window().start()).isEqualTo(e.windowStart());
        assertThat(row.dedupKey()).isEqualTo(e.dedupKey()).hasSize(64);
        assertThat(row.summary()).isEqualTo(e.summary());
        assertThat(row.metric()).isEqualTo(e.family().yamlName());
        assertThat(row.emittedAt().toEpochMilli()).isEqualTo(7L);
    }
}
