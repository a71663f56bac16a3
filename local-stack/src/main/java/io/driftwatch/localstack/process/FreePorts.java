package io.driftwatch.localstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks free TCP ports on 127.0.0.1 by letting the kernel choose.
 *
 * <p>The sockets of one call are held open together, so the ports of one call are distinct. Another
 * process may still grab a port between this call and the server binding it; that race is accepted
 * for tests.
 */
public final class FreePorts {

    /** The loopback address every embedded server listens on. */
    public static final String LOOPBACK = "127.0.0.1";
    /** The probe sockets never accept; the smallest backlog will do. */
    private static final int PROBE_BACKLOG = 1;

    private FreePorts() {
    }

    /** {@code count} distinct free ports. */
    public static int[] pick(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, PROBE_BACKLOG, InetAddress.getByName(LOOPBACK));
                socket.setReuseAddress(true);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + LOOPBACK, e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket that never accepted does not fail in practice
                }
            }
        }
    }

    /** {@code port} itself if positive, else a free port; negative ports are rejected. */
    public static int orFree(int port) {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port must be 0 (pick a free one) or 1.." + MAX_PORT + ", was " + port);
        }
        return port == 0 ? pick(1)[0] : port;
    }

    /** Highest TCP port number. */
    public static final int MAX_PORT = 65_535;
}
