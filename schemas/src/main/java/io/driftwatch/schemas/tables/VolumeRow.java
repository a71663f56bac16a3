package io.driftwatch.schemas.tables;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A row of {@code volume}: predictions in one window and label-free statistics of their scores
 * ({@code scored} of them had a finite score; the score statistics are NaN when none had). {@code classCounts}
 * maps predicted class to count and is empty for regression.
 */
public record VolumeRow(WindowKey window, long predictions, long scored, double scoreSum, double scoreMean,
                        double scoreStd, double scoreMin, double scoreMax, Map<String, Long> classCounts,
                        long lateEvents, Instant emittedAt) {

    public static final TableSpec TABLE = new TableSpec("volume", Rows.concat(WindowKey.COLUMNS, List.of(
            "predictions", "scored", "score_sum", "score_mean", "score_std", "score_min", "score_max", "class_counts",
            "late_events", "emitted_at")));

    public VolumeRow {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(emittedAt, "emittedAt");
        classCounts = Map.copyOf(classCounts);
        Rows.requireNonNegative("predictions", predictions);
        Rows.requireNonNegative("lateEvents", lateEvents);
        if (scored < 0 || scored > predictions) {
            throw new IllegalArgumentException("scored " + scored + " must be within [0, predictions " + predictions + "]");
        }
        classCounts.forEach((c, n) -> Rows.requireNonNegative("count of class " + c, n));
    }

    /** Binds this row in {@link #TABLE}'s column order. */
    public void bind(PreparedStatement statement) throws SQLException {
        new Bindings(statement).window(window).integer(predictions).integer(scored).real(scoreSum).real(scoreMean)
                .real(scoreStd).real(scoreMin).real(scoreMax).object(new TreeMap<>(classCounts)).integer(lateEvents)
                .time(emittedAt);
    }
}
