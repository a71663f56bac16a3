package io.driftwatch.schemas.tables;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A row of {@code dead_letters}: a rejected input record by its Kafka coordinates. {@code payload} is the
 * (already truncated) record value as text; {@code payloadBytes} the size before truncation.
 */
public record DeadLetterRow(String sourceTopic, int sourcePartition, long sourceOffset, Instant recordTime,
                            Instant ingestedAt, String modelId, String reason, String detail, String payload,
                            long payloadBytes) {

    public static final TableSpec TABLE = new TableSpec("dead_letters", List.of("source_topic", "source_partition",
            "source_offset", "record_time", "ingested_at", "model_id", "reason", "detail", "payload", "payload_bytes"));

    public DeadLetterRow {
        Objects.requireNonNull(sourceTopic, "sourceTopic");
        Objects.requireNonNull(recordTime, "recordTime");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(payload, "payload");
        Rows.requireNonNegative("sourcePartition", sourcePartition);
        Rows.requireNonNegative("sourceOffset", sourceOffset);
        if (payloadBytes < payload.getBytes(StandardCharsets.UTF_8).length) {
            throw new IllegalArgumentException("payloadBytes " + payloadBytes + " is less than the stored payload");
        }
    }

    /** Binds this row in {@link #TABLE}'s column order. */
    public void bind(PreparedStatement statement) throws SQLException {
        new Bindings(statement).text(sourceTopic).integer(sourcePartition).integer(sourceOffset).time(recordTime)
                .time(ingestedAt).text(modelId).text(reason).text(detail).text(payload).integer(payloadBytes);
    }
}
