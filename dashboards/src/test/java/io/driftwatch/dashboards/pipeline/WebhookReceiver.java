package io.driftwatch.dashboards.pipeline;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local webhook endpoint (JDK HttpServer on a free loopback port) that answers 200 and keeps every body. */
final class WebhookReceiver implements AutoCloseable {

    private static final String PATH = "/alerts";
    private static final int OK = 200;
    /** Stop without waiting for open exchanges: the job finished delivering before the receiver closes. */
    private static final int STOP_DELAY_SECONDS = 0;

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(OK, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + PATH;
    }

    /** The bodies received so far, in arrival order. */
    List<String> bodies() {
        return List.copyOf(bodies);
    }

    @Override
    public void close() {
        server.stop(STOP_DELAY_SECONDS);
    }
}
