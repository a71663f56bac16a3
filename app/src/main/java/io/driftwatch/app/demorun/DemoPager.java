package io.driftwatch.app.demorun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's stand-in for PagerDuty: a local Events API v2 endpoint ({@code POST /v2/enqueue}) that prints each
 * page as it arrives and answers 202 like PagerDuty. The demo's rules file routes its alerts here.
 */
final class DemoPager implements AutoCloseable {

    static final String PATH = "/v2/enqueue";
    /** PagerDuty's success status for an enqueued event. */
    private static final int ACCEPTED = 202;
    private static final int BAD_REQUEST = 400;
    /** Not a credential: the local receiver accepts any key. Kept in a file because rules files take references only. */
    private static final String DEMO_ROUTING_KEY = "driftwatchdemoroutingkey00000000";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final PrintStream out;
    private final AtomicInteger triggers = new AtomicInteger();
    private final AtomicInteger resolves = new AtomicInteger();

    DemoPager(PrintStream out) throws IOException {
        this.out = out;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    int triggers() {
        return triggers.get();
    }

    int resolves() {
        return resolves.get();
    }

    /**
     * Writes the demo's rules file (a PSI drift rule paging this receiver; {@code for: 2} as the demo's verdict
     * counts a series as drifted after two windows) and its routing-key file into
     * {@code dir}; returns the rules file.
     */
    Path writeRules(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path key = dir.resolve("demo-routing-key").toAbsolutePath();
        Files.writeString(key, DEMO_ROUTING_KEY, StandardCharsets.UTF_8);
        Path rules = dir.resolve("demo-rules.yaml");
        Files.writeString(rules, """
                # Written by `driftwatch demo`: pages go to the demo's local receiver, which prints them.
                notifiers:
                  - name: local-pagerduty
                    type: pagerduty
                    routing_key: ${file:%s}
                    url: %s
                rules:
                  - name: demo-feature-drift
                    description: a feature's distribution moved away from its reference (PSI)
                    selector: {metric: feature_drift, test: psi}
                    condition: {drift_flag: true}
                    for: 2
                    resolve_after: 2
                    severity: warning
                    routes: [local-pagerduty]
                """.formatted(key, url()), StandardCharsets.UTF_8);
        return rules;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status;
            try {
                JsonNode body = MAPPER.readTree(exchange.getRequestBody());
                String action = body.path("event_action").asText();
                if (action.equals("trigger")) {
                    triggers.incrementAndGet();
                } else if (action.equals("resolve")) {
                    resolves.incrementAndGet();
                }
                String summary = body.path("payload").path("summary").asText("");
                out.println("PAGE " + action + " " + body.path("payload").path("severity").asText("") + " "
                        + (summary.isEmpty() ? "dedup_key " + body.path("dedup_key").asText() : summary));
                status = ACCEPTED;
            } catch (IOException e) {
                status = BAD_REQUEST;
            }
            byte[] answer = (status == ACCEPTED ? "{\"status\":\"success\",\"message\":\"Event processed\"}"
                    : "{\"status\":\"invalid event\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
