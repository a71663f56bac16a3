package io.driftwatch.alerting.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for PagerDuty's {@code POST /v2/enqueue} that checks each body against the Events API v2
 * contract, written by hand from PagerDuty's OpenAPI document (components Payload, Links, Images and the
 * /enqueue request schema) plus the documented limits (32-character routing key, dedup_key at most 255,
 * summary at most 1024). Valid bodies get 202; invalid ones 400 with PagerDuty's error shape. Scripted faults
 * (429 with Retry-After, 5xx, 400) answer the next requests first, whatever their body.
 */
public final class PagerDutyReceiver implements AutoCloseable {

    public static final String PATH = "/v2/enqueue";
    static final int ROUTING_KEY_LENGTH = 32;
    static final int MAX_DEDUP_KEY = 255;
    static final int MAX_SUMMARY = 1024;
    private static final Set<String> TOP_KEYS = Set.of("payload", "routing_key", "event_action", "dedup_key", "client",
            "client_url", "links", "images");
    private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
    private static final Set<String> PAYLOAD_KEYS = Set.of("summary", "timestamp", "severity", "source", "component",
            "group", "class", "custom_details");
    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "error", "info");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A canned answer for the next request. */
    public record Fault(int status, String retryAfter, String body) {
    }

    /** One request as received, with the status answered and the contract errors found. */
    public record Received(Instant at, int status, String rawBody, JsonNode body, List<String> errors) {
        public String action() {
            return body == null ? "" : body.path("event_action").asText();
        }

        public String dedupKey() {
            return body == null ? "" : body.path("dedup_key").asText();
        }
    }

    private final HttpServer server;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public PagerDutyReceiver() throws IOException {
        this(0);
    }

    /** A receiver on the given loopback port (0: any free one), e.g. one a receiver outage left closed. */
    public PagerDutyReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext(PATH, this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    public synchronized void enqueueFault(Fault fault) {
        faults.add(fault);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests answered 202, in arrival order. */
    public List<Received> accepted() {
        return received.stream().filter(r -> r.status() == 202).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode body = null;
            List<String> errors = new ArrayList<>();
            if (!"POST".equals(exchange.getRequestMethod())) {
                errors.add("method must be POST");
            }
            if (!exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/json")) {
                errors.add("Content-Type must be application/json");
            }
            try {
                body = MAPPER.readTree(raw);
                errors.addAll(validate(body));
            } catch (IOException e) {
                errors.add("JSON parse error");
            }
            Fault fault;
            synchronized (this) {
                fault = faults.poll();
            }
            int status;
            String answer;
            if (fault != null) {
                status = fault.status();
                answer = fault.body();
                if (fault.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", fault.retryAfter());
                }
            } else if (errors.isEmpty()) {
                status = 202;
                answer = MAPPER.createObjectNode().put("status", "success").put("message", "Event processed")
                        .put("dedup_key", body.path("dedup_key").asText()).toString();
            } else {
                status = 400;
                ObjectNode error = MAPPER.createObjectNode().put("status", "invalid event")
                        .put("message", "Event object is invalid");
                errors.forEach(error.putArray("errors")::add);
                answer = error.toString();
            }
            received.add(new Received(Instant.now(), status, raw, body, List.copyOf(errors)));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Contract errors of one request body; empty when valid. */
    static List<String> validate(JsonNode body) {
        List<String> errors = new ArrayList<>();
        if (!body.isObject()) {
            return List.of("body must be a JSON object");
        }
        unknownKeys(body, TOP_KEYS, "", errors);
        JsonNode key = body.get("routing_key");
        if (key == null || !key.isTextual()) {
            errors.add("routing_key is required and must be a string");
        } else if (key.asText().length() != ROUTING_KEY_LENGTH) {
            errors.add("routing_key must be " + ROUTING_KEY_LENGTH + " characters");
        }
        JsonNode action = body.get("event_action");
        if (action == null || !action.isTextual() || !ACTIONS.contains(action.asText())) {
            errors.add("event_action is required and must be one of " + ACTIONS);
        }
        boolean trigger = action != null && "trigger".equals(action.asText());
        JsonNode dedup = body.get("dedup_key");
        if (dedup == null) {
            if (!trigger) {
                errors.add("dedup_key is required unless event_action is trigger");
            }
        } else if (!dedup.isTextual() || dedup.asText().isEmpty() || dedup.asText().length() > MAX_DEDUP_KEY) {
            errors.add("dedup_key must be a string of 1 to " + MAX_DEDUP_KEY + " characters");
        }
        JsonNode payload = body.get("payload");
        if (trigger && payload == null) {
            errors.add("payload is required for trigger events");
        }
        if (payload != null) {
            validatePayload(payload, errors);
        }
        optionalString(body, "client", errors);
        if (body.has("client_url")) {
            url(body.get("client_url"), "client_url", errors);
        }
        if (body.has("links")) {
            items(body.get("links"), "links", "href", Set.of("href", "text"), errors);
        }
        if (body.has("images")) {
            items(body.get("images"), "images", "src", Set.of("src", "href", "alt"), errors);
        }
        return errors;
    }

    private static void validatePayload(JsonNode payload, List<String> errors) {
        if (!payload.isObject()) {
            errors.add("payload must be an object");
            return;
        }
        unknownKeys(payload, PAYLOAD_KEYS, "payload.", errors);
        JsonNode summary = payload.get("summary");
        if (summary == null || !summary.isTextual() || summary.asText().isEmpty()) {
            errors.add("payload.summary is required");
        } else if (summary.asText().length() > MAX_SUMMARY) {
            errors.add("payload.summary is longer than " + MAX_SUMMARY + " characters");
        }
        JsonNode source = payload.get("source");
        if (source == null || !source.isTextual() || source.asText().isEmpty()) {
            errors.add("payload.source is required");
        }
        JsonNode severity = payload.get("severity");
        if (severity == null || !SEVERITIES.contains(severity.asText()) || !severity.isTextual()) {
            errors.add("payload.severity is required and must be one of " + SEVERITIES);
        }
        if (payload.has("timestamp")) {
            try {
                OffsetDateTime.parse(payload.get("timestamp").asText());
            } catch (DateTimeParseException e) {
                errors.add("payload.timestamp must be an ISO 8601 date-time");
            }
        }
        for (String field : List.of("component", "group", "class")) {
            optionalString(payload, field, errors);
        }
        if (payload.has("custom_details") && !payload.get("custom_details").isObject()) {
            errors.add("payload.custom_details must be an object");
        }
    }

    private static void items(JsonNode array, String name, String required, Set<String> keys, List<String> errors) {
        if (!array.isArray()) {
            errors.add(name + " must be an array");
            return;
        }
        for (JsonNode item : array) {
            if (!item.isObject() || !item.has(required)) {
                errors.add(name + " items must be objects with " + required);
                continue;
            }
            unknownKeys(item, keys, name + "[].", errors);
            url(item.get(required), name + "[]." + required, errors);
            for (String k : keys) {
                if (!k.equals(required)) {
                    optionalString(item, k, errors);
                }
            }
        }
    }

    private static void url(JsonNode node, String name, List<String> errors) {
        try {
            if (!node.isTextual() || !new URI(node.asText()).isAbsolute()) {
                errors.add(name + " must be an absolute URL");
            }
        } catch (URISyntaxException e) {
            errors.add(name + " must be an absolute URL");
        }
    }

    private static void optionalString(JsonNode node, String field, List<String> errors) {
        if (node.has(field) && !node.get(field).isTextual()) {
            errors.add(field + " must be a string");
        }
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String prefix, List<String> errors) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                errors.add("unknown property " + prefix + k);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
