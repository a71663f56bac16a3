package io.driftwatch.schemas.tables;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A row of {@code data_quality}: how many observations of a feature a window saw and how many had each
 * quality issue (one count per {@code io.driftwatch.detectors.sketch.QualityIssue}).
 */
public record DataQualityRow(WindowKey window, String feature, long seen, long nullCount, long nanCount,
                             long positiveInfinityCount, long negativeInfinityCount, long outOfRangeCount,
                             long unseenCategoryCount, long typeMismatchCount, Instant emittedAt) {

    public static final TableSpec TABLE = new TableSpec("data_quality", Rows.concat(WindowKey.COLUMNS, List.of(
            "feature", "seen", "null_count", "nan_count", "positive_infinity_count", "negative_infinity_count",
            "out_of_range_count", "unseen_category_count", "type_mismatch_count", "emitted_at")));

    public DataQualityRow {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(emittedAt, "emittedAt");
        long[] counts = {seen, nullCount, nanCount, positiveInfinityCount, negativeInfinityCount, outOfRangeCount,
                unseenCategoryCount, typeMismatchCount};
        for (long c : counts) {
            Rows.requireNonNegative("quality count of '" + feature + "'", c);
        }
    }

    /** Binds this row in {@link #TABLE}'s column order. */
    public void bind(PreparedStatement statement) throws SQLException {
        new Bindings(statement).window(window).text(feature).integer(seen).integer(nullCount).integer(nanCount)
                .integer(positiveInfinityCount).integer(negativeInfinityCount).integer(outOfRangeCount)
                .integer(unseenCategoryCount).integer(typeMismatchCount).time(emittedAt);
    }
}
