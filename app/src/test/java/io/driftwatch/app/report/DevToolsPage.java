package io.driftwatch.app.report;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One headless Chromium page driven over the DevTools protocol (HTTP {@code /json/list}, then a WebSocket from
 * {@code java.net.http}): navigate, evaluate JavaScript, and collect console errors and uncaught exceptions.
 */
final class DevToolsPage implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final ObjectMapper json = new ObjectMapper();
    private final Process chromium;
    private final WebSocket socket;
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private DevToolsPage(Process chromium, WebSocket socket) {
        this.chromium = chromium;
        this.socket = socket;
    }

    /** Starts Chromium on about:blank with a DevTools port chosen by Chromium, and attaches to its page. */
    static DevToolsPage open(Path profile) throws IOException, InterruptedException {
        Path log = profile.resolveSibling(profile.getFileName() + "-chromium.log");
        Process process = new ProcessBuilder(HeadlessChromium.command(profile, List.of("--remote-debugging-port=0",
                "--window-size=1280,2000", "about:blank"))).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            await().atMost(START_TIMEOUT).until(() -> Files.isRegularFile(portFile)
                    && !Files.readAllLines(portFile).isEmpty());
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String pageUrl = null;
            for (JsonNode target : targets) {
                if ("page".equals(target.path("type").asText())) {
                    pageUrl = target.path("webSocketDebuggerUrl").asText();
                }
            }
            if (pageUrl == null) {
                throw new IllegalStateException("Chromium has no page target: " + targets);
            }
            DevToolsPage[] page = new DevToolsPage[1];
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new WebSocket.Listener() {
                private final StringBuilder message = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    message.append(data);
                    if (last) {
                        String text = message.toString();
                        message.setLength(0);
                        // Nothing arrives before the first command, which is sent after page[0] is set.
                        if (page[0] != null) {
                            page[0].receive(text);
                        }
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            page[0] = new DevToolsPage(process, socket);
            return page[0];
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("cannot attach to headless Chromium (log: " + log + ")", e);
        }
    }

    private void receive(String text) {
        try {
            JsonNode message = json.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> future = pending.remove(message.get("id").asInt());
                if (future != null) {
                    future.complete(message);
                }
            } else {
                events.add(message);
            }
        } catch (IOException e) {
            throw new IllegalStateException("DevTools sent something that is not JSON: " + text, e);
        }
    }

    /** Sends a command and waits for its result. @throws IllegalStateException on a protocol error */
    JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = nextId.getAndIncrement();
        ObjectNode command = json.createObjectNode().put("id", id).put("method", method);
        command.set("params", json.valueToTree(params));
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        pending.put(id, future);
        socket.sendText(json.writeValueAsString(command), true).get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        JsonNode response = future.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (response.has("error")) {
            throw new IllegalStateException(method + " failed: " + response.get("error"));
        }
        return response.path("result");
    }

    /** Evaluates an expression in the page and returns its value (JSON). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("evaluating '" + expression + "' threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Console errors, uncaught exceptions and error log entries (CSP violations, failed loads) seen so far. */
    List<JsonNode> errors() {
        return events.stream().filter(e -> switch (e.path("method").asText()) {
            case "Runtime.exceptionThrown" -> true;
            case "Runtime.consoleAPICalled" -> "error".equals(e.path("params").path("type").asText());
            case "Log.entryAdded" -> "error".equals(e.path("params").path("entry").path("level").asText());
            default -> false;
        }).toList();
    }

    @Override
    public void close() {
        socket.abort();
        chromium.destroy();
        try {
            if (!chromium.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                chromium.destroyForcibly();
            }
        } catch (InterruptedException e) {
            chromium.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
