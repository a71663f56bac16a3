package io.driftwatch.flink.telemetry;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** Serves a Micrometer Prometheus registry's scrape at {@code GET /metrics} over plain HTTP. */
final class PrometheusEndpoint implements AutoCloseable {

    static final String PATH = "/metrics";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    private PrometheusEndpoint(HttpServer server) {
        this.server = server;
    }

    /**
     * Binds the first free port of {@code ports} (several TaskManagers on one host each take the next), and
     * starts serving.
     */
    static PrometheusEndpoint start(String host, PortRange ports, PrometheusMeterRegistry registry) {
        for (int port = ports.first(); port <= ports.last(); port++) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
                server.createContext(PATH, exchange -> {
                    byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
                server.start();
                return new PrometheusEndpoint(server);
            } catch (BindException e) {
                // taken: try the next port of the range
            } catch (IOException e) {
                throw new IllegalStateException("cannot serve Prometheus metrics on " + host + ":" + port, e);
            }
        }
        throw new IllegalStateException("no free port for Prometheus metrics in " + ports + " on " + host);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** An inclusive port range, written {@code 9249} or {@code 9249-9259}. */
    record PortRange(int first, int last) {
        PortRange {
            if (first < 0 || last > 65535 || first > last) {
                throw new IllegalArgumentException("invalid port range " + first + "-" + last);
            }
        }

        static PortRange parse(String text) {
            String[] parts = text.trim().split("-", 2);
            try {
                int first = Integer.parseInt(parts[0].trim());
                return new PortRange(first, parts.length == 2 ? Integer.parseInt(parts[1].trim()) : first);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port must be a number or a range like 9249-9259, got '" + text + "'");
            }
        }

        @Override
        public String toString() {
            return first == last ? Integer.toString(first) : first + "-" + last;
        }
    }
}
