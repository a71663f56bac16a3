package io.driftwatch.localstack.clickhouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedClickHouseITCase {

    @TempDir
    Path temp;

    @Test
    void twoServersSideBySideAreIndependent() throws SQLException {
        try (EmbeddedClickHouse a = EmbeddedClickHouse.start(); EmbeddedClickHouse b = EmbeddedClickHouse.start()) {
            assertThat(a.httpPort()).isNotIn(b.httpPort(), b.tcpPort());
            assertThat(a.dataDir()).isNotEqualTo(b.dataDir());
            execute(a, "CREATE TABLE only_in_a (x UInt8) ENGINE = MergeTree ORDER BY x");
            assertThat(tableCount(a, "only_in_a")).isEqualTo(1);
            assertThat(tableCount(b, "only_in_a")).isZero();
            assertThat(a.httpUrl()).isEqualTo("http://127.0.0.1:" + a.httpPort());
            assertThat(a.jdbcUrl("db1")).isEqualTo("jdbc:clickhouse://127.0.0.1:" + a.httpPort() + "/db1");
        }
    }

    @Test
    void givenDataDirIsKeptOnCloseAndReusedByANewServer() throws SQLException {
        Path dataDir = temp.resolve("ch-data");
        try (EmbeddedClickHouse first = EmbeddedClickHouse.builder().dataDir(dataDir).logFile(temp.resolve("1.log")).start()) {
            execute(first, "CREATE TABLE kept (x UInt8) ENGINE = MergeTree ORDER BY x");
            execute(first, "INSERT INTO kept VALUES (42)");
        }
        assertThat(dataDir).isDirectory();
        try (EmbeddedClickHouse second = EmbeddedClickHouse.builder().dataDir(dataDir).logFile(temp.resolve("2.log")).start();
             Connection c = second.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sum(x) FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(42);
        }
    }

    @Test
    void occupiedPortFailsFastWithTheServerLog() throws Exception {
        try (ServerSocket blocker = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            EmbeddedClickHouse.Builder builder = EmbeddedClickHouse.builder().httpPort(blocker.getLocalPort())
                    .logFile(temp.resolve("blocked.log")).readyTimeout(Duration.ofSeconds(30));
            assertThatThrownBy(builder::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ClickHouse(http " + blocker.getLocalPort() + ")")
                    .hasMessageContaining("blocked.log ends with:")
                    .hasMessageContaining("Address already in use");
        }
    }

    @Test
    void closedServerCannotBeRestarted() {
        EmbeddedClickHouse ch = EmbeddedClickHouse.start();
        ch.close();
        assertThat(ch.isRunning()).isFalse();
        assertThat(ch.dataDir()).doesNotExist();
        assertThatThrownBy(ch::restart).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static void execute(EmbeddedClickHouse ch, String sql) throws SQLException {
        try (Connection c = ch.openConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long tableCount(EmbeddedClickHouse ch, String table) throws SQLException {
        try (Connection c = ch.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count() FROM system.tables WHERE database = 'default' AND name = '" + table + "'")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
