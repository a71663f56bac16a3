package io.driftwatch.schemas.tables;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A row of {@code change_points}: a change signalled by {@code detector} on a model's {@code stream} (e.g.
 * {@code error}) at the label event time {@code detectedAt}; the means are NaN when the detector does not say.
 */
public record ChangePointRow(String modelId, String modelVersion, String segment, String detector, String stream,
                             Instant detectedAt, Instant windowStart, long observations, double meanBefore,
                             double meanAfter, Instant emittedAt) {

    public static final TableSpec TABLE = new TableSpec("change_points", List.of("model_id", "model_version",
            "segment", "detector", "stream", "detected_at", "window_start", "observations", "mean_before",
            "mean_after", "emitted_at"));

    public ChangePointRow {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(emittedAt, "emittedAt");
        Rows.requireNonNegative("observations", observations);
    }

    /** Binds this row in {@link #TABLE}'s column order. */
    public void bind(PreparedStatement statement) throws SQLException {
        new Bindings(statement).text(modelId).text(modelVersion).text(segment).text(detector).text(stream)
                .time(detectedAt).time(windowStart).integer(observations).real(meanBefore).real(meanAfter)
                .time(emittedAt);
    }
}
