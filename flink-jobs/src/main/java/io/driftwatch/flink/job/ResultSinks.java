package io.driftwatch.flink.job;

import io.driftwatch.flink.config.ClickHouseConfig;
import io.driftwatch.flink.config.DriftwatchConfig;
import io.driftwatch.flink.config.SinkConfig;
import io.driftwatch.flink.raw.RawPredictionRows;
import io.driftwatch.flink.rows.DataQualityRow;
import io.driftwatch.flink.rows.FeatureDriftRow;
import io.driftwatch.flink.rows.LatencyRow;
import io.driftwatch.flink.rows.TableRows;
import io.driftwatch.flink.rows.VolumeRow;
import io.driftwatch.flink.sink.ClickHouseSink;
import io.driftwatch.flink.sink.RowBinder;
import io.driftwatch.flink.source.DeadLetterRecord;
import io.driftwatch.flink.source.Observation;
import io.driftwatch.schemas.tables.PredictionRawRow;
import io.driftwatch.schemas.tables.ChangePointRow;
import io.driftwatch.schemas.tables.PerformanceRow;
import io.driftwatch.schemas.tables.ReliabilityRow;
import io.driftwatch.schemas.tables.TableSpec;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the job's outputs go: one sink per result table and the dead-letter table. {@link #clickHouse}
 * builds {@link ClickHouseSink}s on the shared tables of {@code io.driftwatch.schemas.tables}; tests may
 * inject any sinks. {@code predictionsRaw} (the sampled predictions) may be {@code null} when sampling is off.
 */
public record ResultSinks(Sink<FeatureDriftRow> featureDrift, Sink<VolumeRow> volume, Sink<LatencyRow> latency,
                          Sink<DataQualityRow> dataQuality, Sink<DeadLetterRecord> deadLetterTable,
                          Sink<Observation> predictionsRaw, Sink<PerformanceRow> performance,
                          Sink<ReliabilityRow> reliability, Sink<ChangePointRow> changePoints) {

    /** Without a raw-prediction sink (sampling off) and without the label pipeline's sinks. */
    public ResultSinks(Sink<FeatureDriftRow> featureDrift, Sink<VolumeRow> volume, Sink<LatencyRow> latency,
                       Sink<DataQualityRow> dataQuality, Sink<DeadLetterRecord> deadLetterTable) {
        this(featureDrift, volume, latency, dataQuality, deadLetterTable, null, null, null, null);
    }

    /** @throws IllegalStateException when the label pipeline runs but its sink is missing */
    <T> Sink<T> required(Sink<T> sink, String name) {
        if (sink == null) {
            throw new IllegalStateException("the job reads labels but ResultSinks has no " + name + " sink");
        }
        return sink;
    }

    public ResultSinks {
        Objects.requireNonNull(featureDrift, "featureDrift");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(dataQuality, "dataQuality");
        Objects.requireNonNull(deadLetterTable, "deadLetterTable");
    }

    /** ClickHouse sinks for every table (predictions_raw only when sampling is on), batching as configured in {@code sink}. */
    public static ResultSinks clickHouse(DriftwatchConfig config) {
        return new ResultSinks(
                sink(config, io.driftwatch.schemas.tables.FeatureDriftRow.TABLE, (r, s) -> TableRows.of(r).bind(s)),
                sink(config, io.driftwatch.schemas.tables.VolumeRow.TABLE, (r, s) -> TableRows.of(r).bind(s)),
                sink(config, io.driftwatch.schemas.tables.LatencyRow.TABLE, (r, s) -> TableRows.of(r).bind(s)),
                sink(config, io.driftwatch.schemas.tables.DataQualityRow.TABLE, (r, s) -> TableRows.of(r).bind(s)),
                sink(config, io.driftwatch.schemas.tables.DeadLetterRow.TABLE, (r, s) -> TableRows.of(r).bind(s)),
                config.rawPredictions().enabled() ? sink(config, PredictionRawRow.TABLE,
                        RawPredictionRows.binder(config.rawPredictions())) : null,
                sink(config, PerformanceRow.TABLE, PerformanceRow::bind),
                sink(config, ReliabilityRow.TABLE, ReliabilityRow::bind),
                sink(config, ChangePointRow.TABLE, ChangePointRow::bind));
    }

    private static <T> ClickHouseSink<T> sink(DriftwatchConfig config, TableSpec table, RowBinder<T> binder) {
        ClickHouseConfig clickhouse = config.clickhouse();
        SinkConfig batching = config.sink();
        return ClickHouseSink.<T>builder()
                .jdbcUrl(jdbcUrl(clickhouse.url()))
                .credentials(clickhouse.user(), clickhouse.password() == null ? "" : clickhouse.password().reveal())
                .table(clickhouse.database() + "." + table.name())
                .columns(table.columns().toArray(new String[0]))
                .binder(binder)
                .maxBatchRows(batching.batchRows())
                .flushInterval(batching.flushInterval())
                .build();
    }

    /** The config allows HTTP(S) URLs too; the sink needs the JDBC form. */
    static String jdbcUrl(String url) {
        return url.startsWith("jdbc:") ? url : "jdbc:clickhouse:" + url;
    }
}
