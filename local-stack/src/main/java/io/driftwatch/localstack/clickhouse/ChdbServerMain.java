package io.driftwatch.localstack.clickhouse;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.driftwatch.localstack.process.ParentWatchdog;

import java.util.List;
import java.util.Map;

/**
 * Child-JVM main that serves ClickHouse over HTTP and TCP from libchdb.
 *
 * <p>Arguments: {@code <libchdb.so> <data dir> <http port> <tcp port>}. The engine runs
 * {@code chdb_query_cmdline} clickhouse-local style: it starts the listeners, then runs a query that
 * never ends, so the call blocks and the servers stay up (see the embedded-clickhouse recipe). The
 * process ends when its parent closes stdin, or is killed. Never load libchdb into a JVM you care
 * about: it installs its own signal handlers and threads.
 */
public final class ChdbServerMain {

    /** Linux dlopen flags (dlfcn.h): resolve now, and export symbols globally as the engine needs. */
    static final int RTLD_NOW = 0x2;
    static final int RTLD_GLOBAL = 0x100;
    /** Exit status when the engine returned, i.e. the server stopped by itself. */
    static final int ENGINE_RETURNED_EXIT_CODE = 3;
    static final String LISTEN_HOST = "127.0.0.1";
    /** Starts the listeners, then blocks forever one row per second, allowed to sleep without limit. */
    static final String SERVE_FOREVER_QUERY = "SYSTEM START LISTEN HTTP; SYSTEM START LISTEN TCP; "
            + "SELECT sleepEachRow(1) FROM system.numbers "
            + "SETTINGS max_block_size=1, function_sleep_max_microseconds_per_block=0";
    private static final int ARG_COUNT = 4;

    private ChdbServerMain() {
    }

    /** The libchdb functions used; names as exported by the library. */
    interface Chdb extends Library {
        Pointer chdb_query_cmdline(int argc, String[] argv);

        String chdb_result_error(Pointer result);
    }

    public static void main(String[] args) {
        if (args.length != ARG_COUNT) {
            throw new IllegalArgumentException("usage: ChdbServerMain <libchdb.so> <data dir> <http port> <tcp port>");
        }
        // Harmless when started via ParentWatchingMain already: a second watcher sees the same EOF.
        ParentWatchdog.haltWhenStdinCloses();
        List<String> argv = commandLine(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        Chdb chdb = Native.load(args[0], Chdb.class, Map.of(Library.OPTION_OPEN_FLAGS, RTLD_NOW | RTLD_GLOBAL));
        Thread engine = new Thread(() -> {
            Pointer result = chdb.chdb_query_cmdline(argv.size(), argv.toArray(String[]::new));
            String error = result == null ? "(no result)" : chdb.chdb_result_error(result);
            System.err.println("[driftwatch] ClickHouse engine returned: " + error);
            System.err.flush();
            Runtime.getRuntime().halt(ENGINE_RETURNED_EXIT_CODE);
        }, "chdb-engine");
        engine.setDaemon(false);
        engine.start();
    }

    static List<String> commandLine(String dataDir, int httpPort, int tcpPort) {
        return List.of("clickhouse", "--path=" + dataDir, "--http_port=" + httpPort, "--tcp_port=" + tcpPort,
                "--listen_host=" + LISTEN_HOST, "--query", SERVE_FOREVER_QUERY);
    }
}
