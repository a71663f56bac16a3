package io.driftwatch.flink.raw;

import io.driftwatch.flink.config.RawPredictionsConfig;
import io.driftwatch.flink.sink.RowBinder;
import io.driftwatch.flink.source.FeatureKindCode;
import io.driftwatch.flink.source.Observation;
import io.driftwatch.schemas.tables.PredictionRawRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sampled observations as {@code predictions_raw} rows. Features are written as text: numbers in Java's
 * {@link Double#toString} form (an integer {@code 3} becomes {@code "3.0"}), strings as sent, booleans as
 * {@code true}/{@code false}; a feature sent as JSON {@code null} is left out (it is missing, as in
 * {@code data_quality}). Segments are the model's configured segment keys with their values (what the windows
 * are keyed by). {@code score} is the binary score, NaN for other outputs.
 */
public final class RawPredictionRows {

    private RawPredictionRows() {}

    /**
     * The row of a sampled observation.
     *
     * @throws IllegalArgumentException unless {@code sampleRate} is in (0, 1] (a sampled row has a positive rate)
     */
    public static PredictionRawRow of(Observation o, double sampleRate, Instant ingestedAt) {
        Map<String, String> segments = new LinkedHashMap<>();
        String[] entries = o.segmentEntries == null ? new String[0] : o.segmentEntries;
        for (int i = 0; i + 1 < entries.length; i += 2) {
            segments.put(entries[i], entries[i + 1]);
        }
        Map<String, String> features = new LinkedHashMap<>();
        for (int i = 0; i < o.featureCount(); i++) {
            switch (o.featureKinds[i]) {
                case FeatureKindCode.NUMBER -> features.put(o.featureNames[i], Double.toString(o.numbers[i]));
                case FeatureKindCode.NULL -> { } // missing: left out
                default -> features.put(o.featureNames[i], o.texts[i]);
            }
        }
        return new PredictionRawRow(o.modelId, o.modelVersion, o.predictionId, Instant.ofEpochMilli(o.eventTimeMillis),
                ingestedAt, segments, features, o.score, o.predictedClass == null ? "" : o.predictedClass, o.latencyMs,
                (float) sampleRate);
    }

    /** Binds a sampled observation as a row written now, with its model's rate from {@code rates}. */
    public static RowBinder<Observation> binder(RawPredictionsConfig rates) {
        return (o, statement) -> of(o, rates.rateFor(o.modelId), Instant.now()).bind(statement);
    }
}
