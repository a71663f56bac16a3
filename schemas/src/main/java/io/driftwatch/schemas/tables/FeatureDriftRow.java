package io.driftwatch.schemas.tables;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A row of {@code feature_drift}: one drift test result of a feature (or of the score, {@link Subject#SCORE})
 * in one window. {@code pValue} is NaN for tests without one and stored as NULL.
 */
public record FeatureDriftRow(WindowKey window, Subject subject, String feature, DistributionKind featureKind,
                              String test, BaselineKind baselineKind, String baselineId, double statistic,
                              double pValue, double threshold, boolean drift, double errorBound, long nReference,
                              long nCurrent, Instant emittedAt) {

    public static final TableSpec TABLE = new TableSpec("feature_drift", Rows.concat(WindowKey.COLUMNS, List.of(
            "subject", "feature", "feature_kind", "test", "baseline_kind", "baseline_id", "statistic", "p_value",
            "threshold", "drift", "error_bound", "n_reference", "n_current", "emitted_at")));

    public FeatureDriftRow {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(featureKind, "featureKind");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(baselineKind, "baselineKind");
        Objects.requireNonNull(baselineId, "baselineId");
        Objects.requireNonNull(emittedAt, "emittedAt");
        Rows.requireNonNegative("nReference", nReference);
        Rows.requireNonNegative("nCurrent", nCurrent);
    }

    /** Binds this row in {@link #TABLE}'s column order. */
    public void bind(PreparedStatement statement) throws SQLException {
        new Bindings(statement).window(window).sqlEnum(subject).text(feature).sqlEnum(featureKind).text(test)
                .sqlEnum(baselineKind).text(baselineId).real(statistic).nullableReal(pValue).real(threshold)
                .bool(drift).real(errorBound).integer(nReference).integer(nCurrent).time(emittedAt);
    }
}
