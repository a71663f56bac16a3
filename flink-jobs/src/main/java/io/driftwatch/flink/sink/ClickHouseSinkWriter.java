package io.driftwatch.flink.sink;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import io.driftwatch.flink.telemetry.PipelineMetrics;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Buffers rows and writes them in batches, retrying a failed batch with exponential backoff and jitter. */
final class ClickHouseSinkWriter<T> implements SinkWriter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseSinkWriter.class);

    private final ClickHouseSinkOptions options;
    private final RowBinder<T> binder;
    private final ProcessingTimeService timeService;
    private final String insertSql;
    private final List<T> buffer = new ArrayList<>();
    private final Counter batchesWritten;
    private final Counter batchFailures;
    private final Counter rowsWritten;
    private volatile long lastBatchMillis;
    private Connection connection;
    private boolean timerPending;
    private volatile IOException asyncFailure;

    ClickHouseSinkWriter(ClickHouseSinkOptions options, RowBinder<T> binder, ProcessingTimeService timeService,
                         SinkWriterMetricGroup metrics) {
        this.options = options;
        this.binder = binder;
        this.timeService = timeService;
        this.insertSql = options.insertSql();
        MetricGroup group = metrics.addGroup(PipelineMetrics.GROUP).addGroup(PipelineMetrics.TABLE_TAG, options.table());
        this.rowsWritten = group.counter(PipelineMetrics.SINK_ROWS);
        this.batchesWritten = group.counter(PipelineMetrics.SINK_BATCHES);
        this.batchFailures = group.counter(PipelineMetrics.SINK_FAILURES);
        group.gauge(PipelineMetrics.SINK_BATCH_MILLIS, () -> lastBatchMillis);
    }

    @Override
    public void write(T element, Context context) throws IOException {
        rethrowAsyncFailure();
        buffer.add(element);
        if (buffer.size() >= options.maxBatchRows()) {
            flushBuffer();
        } else if (!timerPending) {
            timerPending = true;
            timeService.registerTimer(timeService.getCurrentProcessingTime() + options.flushInterval().toMillis(),
                    time -> onTimer());
        }
    }

    private void onTimer() {
        timerPending = false;
        try {
            flushBuffer();
        } catch (IOException e) {
            // Surfaces on the next write or flush, failing the task so it restarts from the last checkpoint.
            asyncFailure = e;
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        rethrowAsyncFailure();
        flushBuffer();
    }

    private void rethrowAsyncFailure() throws IOException {
        if (asyncFailure != null) {
            throw asyncFailure;
        }
    }

    private void flushBuffer() throws IOException {
        if (buffer.isEmpty()) {
            return;
        }
        long delayMillis = options.initialBackoff().toMillis();
        for (int attempt = 0; ; attempt++) {
            try {
                long started = System.nanoTime();
                insertBatch();
                lastBatchMillis = (System.nanoTime() - started) / 1_000_000;
                rowsWritten.inc(buffer.size());
                batchesWritten.inc();
                buffer.clear();
                return;
            } catch (SQLException e) {
                batchFailures.inc();
                closeConnectionQuietly();
                if (attempt >= options.maxRetries()) {
                    throw new IOException("ClickHouse insert into " + options.table() + " failed after "
                            + (attempt + 1) + " attempts: " + e.getMessage(), e);
                }
                long jittered = delayMillis / 2 + ThreadLocalRandom.current().nextLong(delayMillis / 2 + 1);
                LOG.warn("ClickHouse insert into {} failed (attempt {}), retrying in {} ms: {}", options.table(),
                        attempt + 1, jittered, e.getMessage());
                sleep(jittered);
                delayMillis = Math.min(delayMillis * 2, options.maxBackoff().toMillis());
            }
        }
    }

    private void insertBatch() throws SQLException {
        if (connection == null) {
            connection = ClickHouseConnections.open(options.jdbcUrl(), options.user(), options.password());
        }
        try (PreparedStatement statement = connection.prepareStatement(insertSql)) {
            for (T element : buffer) {
                binder.bind(element, statement);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while backing off", e);
        }
    }

    private void closeConnectionQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is being replaced after a failure; nothing more to do with it
            }
            connection = null;
        }
    }

    @Override
    public void close() throws Exception {
        closeConnectionQuietly();
    }
}
