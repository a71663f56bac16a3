package io.driftwatch.localstack.process;

import java.io.IOException;
import java.io.InputStream;

/**
 * Child side of the no-orphans guarantee: the parent holds the write end of our stdin pipe and never
 * writes to it, so reading stdin blocks until the parent closes it or dies (even by {@code kill -9}),
 * at which point the read returns EOF and this JVM halts.
 */
public final class ParentWatchdog {

    /** Exit status of a child that ended because its parent went away. */
    public static final int PARENT_GONE_EXIT_CODE = 0;
    /** Any size works: the parent writes nothing, the buffer only drains stray bytes. */
    private static final int DRAIN_BUFFER_BYTES = 256;

    private ParentWatchdog() {
    }

    /** Starts a daemon thread that halts the JVM once stdin reaches EOF. */
    public static void haltWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            awaitEndOfInput(System.in);
            System.err.println("[driftwatch] parent closed stdin; halting");
            System.err.flush();
            // halt, not exit: native engines (libchdb) may block shutdown hooks forever.
            Runtime.getRuntime().halt(PARENT_GONE_EXIT_CODE);
        }, "driftwatch-parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Blocks until {@code in} reports EOF or fails; any bytes read are ignored. */
    static void awaitEndOfInput(InputStream in) {
        byte[] buffer = new byte[DRAIN_BUFFER_BYTES];
        try {
            while (in.read(buffer) >= 0) {
                // the parent never writes; ignore anything that arrives anyway
            }
        } catch (IOException e) {
            // a broken pipe means the parent is gone as well
        }
    }
}
