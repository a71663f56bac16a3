package io.driftwatch.flink.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClickHouseSinkBuilderTest {

    private static ClickHouseSink.Builder<String> valid() {
        return ClickHouseSink.<String>builder()
                .jdbcUrl("jdbc:clickhouse://127.0.0.1:8123/driftwatch")
                .credentials("default", "s3cret-password")
                .table("driftwatch.t")
                .columns("a", "b")
                .binder((element, statement) -> statement.setString(1, element));
    }

    @Test
    void buildsInsertStatementInColumnOrder() {
        assertThat(valid().build().options().insertSql()).isEqualTo("INSERT INTO driftwatch.t (a, b) VALUES (?, ?)");
    }

    @Test
    void optionsNeverPrintThePassword() {
        assertThat(valid().build().options().toString()).doesNotContain("s3cret-password").contains("password=***");
    }

    @Test
    void rejectsIncompleteOrInsaneConfiguration() {
        assertThatThrownBy(() -> valid().jdbcUrl("http://127.0.0.1:8123").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:clickhouse:");
        assertThatThrownBy(() -> valid().table(" ").build()).hasMessageContaining("table is required");
        assertThatThrownBy(() -> ClickHouseSink.<String>builder().jdbcUrl("jdbc:clickhouse://h/db").table("t")
                .binder((e, s) -> { }).build()).hasMessageContaining("at least one column");
        assertThatThrownBy(() -> valid().binder(null).build()).hasMessageContaining("row binder");
        assertThatThrownBy(() -> valid().maxBatchRows(0).build()).hasMessageContaining("maxBatchRows");
        assertThatThrownBy(() -> valid().flushInterval(Duration.ZERO).build()).hasMessageContaining("flushInterval");
        assertThatThrownBy(() -> valid().retries(-1, Duration.ofMillis(1), Duration.ofMillis(2)).build())
                .hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> valid().retries(1, Duration.ofSeconds(2), Duration.ofSeconds(1)).build())
                .hasMessageContaining("initialBackoff");
    }
}
