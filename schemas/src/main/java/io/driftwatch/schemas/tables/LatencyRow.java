package io.driftwatch.schemas.tables;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A row of {@code latency}: latency statistics (milliseconds) of one window and the serialized latency
 * sketch ({@code LatencySketch.toBytes()}), kept so any range of windows can be merged later.
 */
public record LatencyRow(WindowKey window, long count, double sumMs, double minMs, double maxMs, double p50Ms,
                         double p90Ms, double p95Ms, double p99Ms, double p999Ms, byte[] sketch, Instant emittedAt) {

    public static final TableSpec TABLE = new TableSpec("latency", Rows.concat(WindowKey.COLUMNS, List.of(
            "count", "sum_ms", "min_ms", "max_ms", "p50_ms", "p90_ms", "p95_ms", "p99_ms", "p999_ms", "sketch",
            "emitted_at")));

    public LatencyRow {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(emittedAt, "emittedAt");
        sketch = sketch.clone();
        Rows.requireNonNegative("count", count);
    }

    @Override
    public byte[] sketch() {
        return sketch.clone();
    }

    /** Binds this row in {@link #TABLE}'s column order. */
    public void bind(PreparedStatement statement) throws SQLException {
        new Bindings(statement).window(window).integer(count).real(sumMs).real(minMs).real(maxMs).real(p50Ms)
                .real(p90Ms).real(p95Ms).real(p99Ms).real(p999Ms).bytes(sketch).time(emittedAt);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencyRow r && window.equals(r.window) && count == r.count
                && Double.compare(sumMs, r.sumMs) == 0 && Double.compare(minMs, r.minMs) == 0
                && Double.compare(maxMs, r.maxMs) == 0 && Double.compare(p50Ms, r.p50Ms) == 0
                && Double.compare(p90Ms, r.p90Ms) == 0 && Double.compare(p95Ms, r.p95Ms) == 0
                && Double.compare(p99Ms, r.p99Ms) == 0 && Double.compare(p999Ms, r.p999Ms) == 0
                && Arrays.equals(sketch, r.sketch) && emittedAt.equals(r.emittedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(window, count, emittedAt, Arrays.hashCode(sketch));
    }

    @Override
    public String toString() {
        return "LatencyRow[" + window + ", count=" + count + ", p50=" + p50Ms + ", p99=" + p99Ms + ", max=" + maxMs
                + ", sketch=" + sketch.length + " bytes, emittedAt=" + emittedAt + "]";
    }
}
