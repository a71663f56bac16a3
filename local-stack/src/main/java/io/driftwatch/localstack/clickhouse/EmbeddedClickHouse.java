package io.driftwatch.localstack.clickhouse;

import io.driftwatch.localstack.process.ChildJvm;
import io.driftwatch.localstack.process.ChildService;
import io.driftwatch.localstack.process.FreePorts;
import io.driftwatch.localstack.process.ReadinessProbe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A real ClickHouse server (libchdb) on 127.0.0.1 in a child JVM, for tests and the demo.
 *
 * <pre>{@code
 * try (EmbeddedClickHouse ch = EmbeddedClickHouse.start()) {
 *     DriverManager.getConnection(ch.jdbcUrl()) ...
 * }
 * }</pre>
 *
 * <p>{@link #stop()} ends the server and keeps data dir and ports, so {@link #start()} restarts it on
 * the same data (outage tests). {@link #close()} stops it and deletes the data dir if it was a temp dir.
 * The engine is located, and fetched once if needed, by {@link ChdbEngineLocator}.
 */
public final class EmbeddedClickHouse implements AutoCloseable {

    /** Default database of the server and of {@link #jdbcUrl()}. */
    public static final String DEFAULT_DATABASE = "default";
    /** ClickHouse's built-in user and its (empty) password. */
    public static final String USER = "default";
    public static final String PASSWORD = "";
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);
    /** The engine runs off-heap; the hosting JVM needs almost nothing. */
    static final String CHILD_HEAP = "-Xmx64m";
    /** ClickHouse's health endpoint and its answer. */
    static final String PING_PATH = "/ping";
    static final String PING_ANSWER = "Ok.";
    /** MergeTree parts are durable once an INSERT returns, so a short grace before SIGKILL suffices. */
    static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final Path dataDir;
    private final Path logFile;
    private final Path tempRoot;
    private final int httpPort;
    private final int tcpPort;
    private final Duration readyTimeout;
    private final ChdbEngineLocator engineLocator;
    private final ChildService service;

    private EmbeddedClickHouse(Builder b) {
        try {
            this.tempRoot = b.dataDir == null ? Files.createTempDirectory("driftwatch-clickhouse-") : null;
            this.dataDir = b.dataDir == null ? tempRoot.resolve("data") : b.dataDir.toAbsolutePath();
            Files.createDirectories(dataDir);
            this.logFile = b.logFile != null ? b.logFile.toAbsolutePath()
                    : tempRoot != null ? tempRoot.resolve("clickhouse.log")
                    : Files.createTempFile("driftwatch-clickhouse-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create ClickHouse directories", e);
        }
        if (b.httpPort == 0 && b.tcpPort == 0) {
            int[] ports = FreePorts.pick(2);
            this.httpPort = ports[0];
            this.tcpPort = ports[1];
        } else {
            this.httpPort = FreePorts.orFree(b.httpPort);
            this.tcpPort = FreePorts.orFree(b.tcpPort);
        }
        this.readyTimeout = b.readyTimeout;
        this.engineLocator = b.engineLocator;
        this.service = new ChildService("Embedded ClickHouse", STOP_GRACE, tempRoot);
    }

    /**
     * Starts a new server on a temp data dir and free ports. Static: to start an existing instance
     * again use {@link #restart()}.
     */
    public static EmbeddedClickHouse start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the server again on the same data dir and ports (stopping it first if it runs); returns
     * once {@code GET /ping} answers. Named {@code restart} because {@code start()} is the static factory.
     *
     * @throws IllegalStateException if the server does not become ready (the message includes the end
     *                               of the server log)
     */
    public synchronized EmbeddedClickHouse restart() {
        service.restart(() -> ChildJvm.builder(ChdbServerMain.class.getName())
                        .jvmArgs(ChildJvm.LEAN_JVM_OPTIONS).jvmArgs(List.of(CHILD_HEAP))
                        .args(List.of(engineLocator.locate().toString(), dataDir.toString(), Integer.toString(httpPort),
                                Integer.toString(tcpPort)))
                        .workingDir(dataDir)
                        .logFile(logFile)
                        .displayName("ClickHouse(http " + httpPort + ")")
                        .build().start(),
                process -> process.awaitReady(
                        ReadinessProbe.httpGet(URI.create(httpUrl() + PING_PATH), PING_ANSWER), readyTimeout));
        return this;
    }

    /** Stops the server, keeping data dir and ports for a restart; no-op if not running. */
    public synchronized void stop() {
        service.stop();
    }

    /** Stops the server and deletes the data dir if it was created as a temp dir. */
    @Override
    public synchronized void close() {
        service.close();
    }

    public synchronized boolean isRunning() {
        return service.isRunning();
    }

    /** The server's child process while running, e.g. to check it is gone after {@link #close()}. */
    public synchronized Optional<ProcessHandle> processHandle() {
        return service.processHandle();
    }

    public int httpPort() {
        return httpPort;
    }

    public int tcpPort() {
        return tcpPort;
    }

    /** {@code http://127.0.0.1:<http port>}. */
    public String httpUrl() {
        return "http://" + FreePorts.LOOPBACK + ":" + httpPort;
    }

    /**
     * JDBC URL (clickhouse-jdbc 0.9, over HTTP) for the {@value #DEFAULT_DATABASE} database. Connect with
     * {@link #jdbcProperties()}: clickhouse-jdbc 0.9.9 without a password sends the password "null" and the
     * server refuses it, and the URL cannot carry an empty password.
     */
    public String jdbcUrl() {
        return jdbcUrl(DEFAULT_DATABASE);
    }

    /** JDBC URL (clickhouse-jdbc 0.9, over HTTP): {@code jdbc:clickhouse://127.0.0.1:<http port>/<database>}. */
    public String jdbcUrl(String database) {
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("database must be given");
        }
        return "jdbc:clickhouse://" + FreePorts.LOOPBACK + ":" + httpPort + "/" + database;
    }

    /** The server's user: ClickHouse's built-in {@value #USER}, which has no password. */
    public String user() {
        return USER;
    }

    /** The empty password of {@link #user()}. */
    public String password() {
        return PASSWORD;
    }

    /** {@code user} and (empty) {@code password} for {@link DriverManager#getConnection(String, Properties)}. */
    public Properties jdbcProperties() {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        return props;
    }

    /** A new JDBC connection to the {@value #DEFAULT_DATABASE} database; the caller closes it. */
    public Connection openConnection() throws SQLException {
        return openConnection(DEFAULT_DATABASE);
    }

    /** A new JDBC connection with {@code database} as current database; the caller closes it. */
    public Connection openConnection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), jdbcProperties());
    }

    /** Runs a query on a fresh connection and returns its first column as text, one entry per row (tests, tools). */
    public List<String> queryFirstColumn(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = openConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    /** Builder; every setting is optional. */
    public static final class Builder {
        private Path dataDir;
        private Path logFile;
        private int httpPort;
        private int tcpPort;
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private ChdbEngineLocator engineLocator = ChdbEngineLocator.fromEnvironment();

        private Builder() {
        }

        /** Data directory, kept on close; default a temp dir deleted on close. */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** Server log; default next to the temp data dir, or a kept temp file if a data dir is given. */
        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        /** HTTP port; 0 (default) picks a free one. */
        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        /** Native-protocol TCP port; 0 (default) picks a free one. */
        public Builder tcpPort(int port) {
            this.tcpPort = port;
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("readyTimeout must be positive, was " + timeout);
            }
            this.readyTimeout = timeout;
            return this;
        }

        public Builder engineLocator(ChdbEngineLocator locator) {
            this.engineLocator = locator;
            return this;
        }

        /** Creates the server without starting it. */
        public EmbeddedClickHouse build() {
            return new EmbeddedClickHouse(this);
        }

        /** Creates and starts the server. */
        public EmbeddedClickHouse start() {
            EmbeddedClickHouse server = build();
            try {
                return server.restart();
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }
    }
}
