package io.driftwatch.schemas.tables;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A row of {@code reliability}: one equal-width score bin {@code [lower, upper)} of a binary model's reliability
 * diagram in one prediction-time window; {@code meanPredicted} and {@code fractionPositive} are NaN when empty.
 */
public record ReliabilityRow(WindowKey window, int bin, double lower, double upper, long count, double meanPredicted,
                             double fractionPositive, Instant emittedAt) {

    public static final TableSpec TABLE = new TableSpec("reliability", Rows.concat(WindowKey.COLUMNS, List.of(
            "bin", "lower", "upper", "count", "mean_predicted", "fraction_positive", "emitted_at")));

    public ReliabilityRow {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(emittedAt, "emittedAt");
        Rows.requireNonNegative("bin", bin);
        Rows.requireNonNegative("count", count);
    }

    /** Binds this row in {@link #TABLE}'s column order. */
    public void bind(PreparedStatement statement) throws SQLException {
        new Bindings(statement).window(window).integer(bin).real(lower).real(upper).integer(count).real(meanPredicted)
                .real(fractionPositive).time(emittedAt);
    }
}
