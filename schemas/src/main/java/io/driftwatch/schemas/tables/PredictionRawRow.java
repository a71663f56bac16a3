package io.driftwatch.schemas.tables;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A row of {@code predictions_raw}: one sampled prediction. {@code latencyMs} is NaN when the event had none
 * (stored as NULL); {@code predictedClass} is empty for regression; {@code sampleRate} is in (0, 1].
 */
public record PredictionRawRow(String modelId, String modelVersion, String predictionId, Instant eventTime,
                               Instant ingestedAt, Map<String, String> segments, Map<String, String> features,
                               double score, String predictedClass, double latencyMs, float sampleRate) {

    public static final TableSpec TABLE = new TableSpec("predictions_raw", List.of("model_id", "model_version",
            "prediction_id", "event_time", "ingested_at", "segments", "features", "score", "predicted_class",
            "latency_ms", "sample_rate"));

    public PredictionRawRow {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(predictionId, "predictionId");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        Objects.requireNonNull(predictedClass, "predictedClass");
        segments = Map.copyOf(segments);
        features = Map.copyOf(features);
        if (!(sampleRate > 0 && sampleRate <= 1)) {
            throw new IllegalArgumentException("sample rate must be in (0, 1], was " + sampleRate);
        }
    }

    /** Binds this row in {@link #TABLE}'s column order. */
    public void bind(PreparedStatement statement) throws SQLException {
        new Bindings(statement).text(modelId).text(modelVersion).text(predictionId).time(eventTime).time(ingestedAt)
                .object(new TreeMap<>(segments)).object(new TreeMap<>(features)).real(score).text(predictedClass)
                .nullableReal(latencyMs).real(sampleRate);
    }
}
