package io.driftwatch.app.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Triggers a checkpoint now ({@code POST /jobs/{id}/checkpoints}, Flink 1.19+): the kill test's cluster
 * checkpoints only when told, so what a restart replays is known exactly.
 */
final class ClusterCheckpoints {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int HTTP_ACCEPTED_MAX = 299;

    private ClusterCheckpoints() {}

    static void trigger(URI restUrl, String jobId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(restUrl + "/jobs/" + jobId + "/checkpoints"))
                .timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"checkpointType\":\"FULL\"}")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() > HTTP_ACCEPTED_MAX) {
            throw new IllegalStateException("checkpoint trigger answered " + response.statusCode() + ": " + response.body());
        }
    }
}
