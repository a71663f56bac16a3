package io.driftwatch.localstack.process;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;

/** Test child: listens on the port given as argument and blocks until killed. */
public final class ListeningMain {

    private ListeningMain() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(FreePorts.LOOPBACK))) {
            System.out.println("listening on " + socket.getLocalPort());
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }
}
