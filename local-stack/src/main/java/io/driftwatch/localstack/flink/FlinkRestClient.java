package io.driftwatch.localstack.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A client of the REST API of any Flink 2.x JobManager: cluster overview, jar upload and run, job
 * status, checkpoints, stop with savepoint. Errors become {@link IllegalStateException}s carrying
 * Flink's error message.
 */
public final class FlinkRestClient {

    /** Bound of each request; a jar upload of a shaded pipeline jar takes well under this on loopback. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** Pause between two status requests while waiting. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final int HTTP_OK_MIN = 200;
    private static final int HTTP_OK_MAX = 299;

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** @param restUrl e.g. {@code http://127.0.0.1:8081} */
    public FlinkRestClient(URI restUrl) {
        String scheme = restUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || restUrl.getHost() == null) {
            throw new IllegalArgumentException("Flink REST URL must look like http://HOST:PORT, was " + restUrl);
        }
        String text = restUrl.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    public URI restUrl() {
        return base;
    }

    /** {@code GET /overview}: taskmanagers, slots-total, jobs-running, flink-version, ... */
    public JsonNode overview() {
        return get("/overview");
    }

    /** Resource ids of the TaskManagers the JobManager currently knows (dead ones until their heartbeat times out). */
    public List<String> taskManagerIds() {
        List<String> ids = new ArrayList<>();
        get("/taskmanagers").path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText()));
        return ids;
    }

    /** {@code GET /taskmanagers}: resource id to the number of slots it has registered (0 until its slot report). */
    public java.util.Map<String, Integer> taskManagerSlots() {
        java.util.Map<String, Integer> slots = new java.util.HashMap<>();
        get("/taskmanagers").path("taskmanagers")
                .forEach(tm -> slots.put(tm.path("id").asText(), tm.path("slotsNumber").asInt()));
        return slots;
    }

    /** Uploads a jar ({@code POST /jars/upload}); returns its id for {@link #runJar}. */
    public String uploadJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("job jar " + jar + " does not exist");
        }
        String boundary = "driftwatch-" + UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(base.resolve(base.getPath() + "/jars/upload"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(multipartJar(jar, boundary)).build();
        String file = send(request).path("filename").asText();
        if (file.isEmpty()) {
            throw new IllegalStateException("Flink accepted the upload of " + jar + " but named no file");
        }
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /** Runs an uploaded jar ({@code POST /jars/{id}/run}); returns the job id. */
    public String runJar(String jarId, JarRun run) {
        ObjectNode body = json.createObjectNode();
        body.put("entryClass", run.entryClass());
        body.put("parallelism", run.parallelism());
        body.set("programArgsList", json.valueToTree(run.programArgs()));
        run.savepointPath().ifPresent(path -> body.put("savepointPath", path));
        return post("/jars/" + jarId + "/run", body).path("jobid").asText();
    }

    /** Upload and run; returns the job id. */
    public String submitJar(Path jar, JarRun run) {
        return runJar(uploadJar(jar), run);
    }

    public JobState jobState(String jobId) {
        return JobState.valueOf(get("/jobs/" + jobId).path("state").asText());
    }

    /**
     * Polls until the job's state passes {@code until}.
     *
     * @throws IllegalStateException on timeout, or if the job ends in a state that does not pass; the
     *                               message names Flink's root exception
     */
    public JobState awaitJobState(String jobId, Predicate<JobState> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JobState state = jobState(jobId);
            if (until.test(state)) {
                return state;
            }
            if (state.isGloballyTerminal()) {
                throw new IllegalStateException("Job " + jobId + " ended " + state + ": " + rootException(jobId));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Job " + jobId + " still " + state + " after " + timeout
                        + "; last exception: " + rootException(jobId));
            }
            pause();
        }
    }

    /** {@code GET /jobs/{id}/checkpoints}: counts (completed, restored, ...), latest, history. */
    public JsonNode checkpoints(String jobId) {
        return get("/jobs/" + jobId + "/checkpoints");
    }

    /** How many checkpoints of the job completed. */
    public long completedCheckpoints(String jobId) {
        return checkpoints(jobId).path("counts").path("completed").asLong();
    }

    /** How many times the job was restored from a checkpoint or savepoint. */
    public long restoredCheckpoints(String jobId) {
        return checkpoints(jobId).path("counts").path("restored").asLong();
    }

    /** The job's root exception, or "none". */
    public String rootException(String jobId) {
        JsonNode root = get("/jobs/" + jobId + "/exceptions").path("root-exception");
        return root.isMissingNode() || root.isNull() ? "none" : root.asText().lines().findFirst().orElse("");
    }

    /**
     * Stops the job with a savepoint in {@code directory} ({@code POST /jobs/{id}/stop}) and waits for it.
     *
     * @return the savepoint's location, to pass to {@link JarRun#fromSavepoint}
     */
    public String stopWithSavepoint(String jobId, Path directory, Duration timeout) {
        ObjectNode body = json.createObjectNode();
        body.put("targetDirectory", directory.toUri().toString());
        body.put("drain", false);
        String trigger = post("/jobs/" + jobId + "/stop", body).path("request-id").asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode answer = get("/jobs/" + jobId + "/savepoints/" + trigger);
            if ("COMPLETED".equals(answer.path("status").path("id").asText())) {
                JsonNode operation = answer.path("operation");
                if (operation.has("failure-cause")) {
                    throw new IllegalStateException("Stop with savepoint of " + jobId + " failed: "
                            + operation.path("failure-cause").path("stack-trace").asText().lines().findFirst().orElse(""));
                }
                return operation.path("location").asText();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Stop with savepoint of " + jobId + " not done after " + timeout);
            }
            pause();
        }
    }

    /** Cancels the job ({@code PATCH /jobs/{id}?mode=cancel}) without waiting. */
    public void cancel(String jobId) {
        send(HttpRequest.newBuilder(uri("/jobs/" + jobId + "?mode=cancel")).timeout(REQUEST_TIMEOUT)
                .method("PATCH", HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Link to the job in the web UI. */
    public String webUiLink(String jobId) {
        return base + "/#/job/running/" + jobId + "/overview";
    }

    private JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).GET().build());
    }

    private JsonNode post(String path, JsonNode body) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Flink at " + base + " did not answer " + request.method() + " "
                    + request.uri().getPath() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling Flink at " + base, e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() < HTTP_OK_MIN || response.statusCode() > HTTP_OK_MAX) {
            JsonNode errors = body.path("errors");
            String message = errors.isArray() && !errors.isEmpty()
                    ? errors.get(0).asText().lines().filter(l -> !l.isBlank()).findFirst().orElse("")
                    : response.body();
            throw new IllegalStateException("Flink answered " + response.statusCode() + " to " + request.method()
                    + " " + request.uri().getPath() + ": " + message);
        }
        return body;
    }

    private JsonNode parse(String body) {
        try {
            return body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode().put("raw", body);
        }
    }

    /** A multipart body with the jar streamed from disk (a shaded pipeline jar is large). */
    private static HttpRequest.BodyPublisher multipartJar(Path jar, String boundary) {
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName() + "\"\r\n"
                + "Content-Type: application/x-java-archive\r\n\r\n";
        try {
            return HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                    HttpRequest.BodyPublishers.ofFile(jar),
                    HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + jar, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Flink", e);
        }
    }
}
