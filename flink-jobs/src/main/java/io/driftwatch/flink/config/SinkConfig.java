package io.driftwatch.flink.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Batching of result rows into ClickHouse.
 *
 * @param batchRows     flush when this many rows are buffered
 * @param flushInterval flush at least this often while rows are buffered
 */
public record SinkConfig(int batchRows, Duration flushInterval) implements Serializable {

    /** ClickHouse advises inserts of at most about a million rows; larger batches only cost memory. */
    private static final int MAX_BATCH_ROWS = 1_000_000;
    /** ClickHouse advises about one insert per second per table; 100 ms is a generous floor. */
    private static final Duration MIN_FLUSH_INTERVAL = Duration.ofMillis(100);

    public static final ConfigOption<Integer> BATCH_ROWS = ConfigOption.withDefault("sink.batch_rows",
            ValueTypes.integer(1, MAX_BATCH_ROWS), 10_000, "Flush when this many result rows are buffered.");
    public static final ConfigOption<Duration> FLUSH_INTERVAL = ConfigOption.withDefault("sink.flush_interval",
            ValueTypes.duration(MIN_FLUSH_INTERVAL), Duration.ofSeconds(5),
            "Flush at least this often while rows are buffered.");

    static final List<ConfigOption<?>> OPTIONS = List.of(BATCH_ROWS, FLUSH_INTERVAL);

    public SinkConfig {
        Objects.requireNonNull(flushInterval, "flushInterval");
    }

    static SinkConfig read(ConfigNode sink) {
        int errorsBefore = sink.errorCount();
        Integer batchRows = sink.get(BATCH_ROWS);
        Duration flushInterval = sink.get(FLUSH_INTERVAL);
        return sink.errorCount() > errorsBefore ? null : new SinkConfig(batchRows, flushInterval);
    }
}
