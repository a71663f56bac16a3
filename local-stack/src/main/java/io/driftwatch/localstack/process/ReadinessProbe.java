package io.driftwatch.localstack.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A check whether a child process is ready; must return quickly and never throw. */
@FunctionalInterface
public interface ReadinessProbe {

    /** Bound on a single connection attempt of the built-in probes. */
    Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    boolean isReady();

    /** Ready when a TCP connection to {@code host:port} succeeds. */
    static ReadinessProbe portOpen(String host, int port) {
        return new ReadinessProbe() {
            @Override
            public boolean isReady() {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(host, port), (int) PROBE_TIMEOUT.toMillis());
                    return true;
                } catch (IOException e) {
                    return false;
                }
            }

            @Override
            public String toString() {
                return "port " + host + ":" + port + " open";
            }
        };
    }

    /** Ready when {@code GET uri} answers 200 with a body that, trimmed, equals {@code expectedBody}. */
    static ReadinessProbe httpGet(URI uri, String expectedBody) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(PROBE_TIMEOUT).GET().build();
        return new ReadinessProbe() {
            @Override
            public boolean isReady() {
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == HTTP_OK && response.body().trim().equals(expectedBody);
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }

            @Override
            public String toString() {
                return "GET " + uri + " answers '" + expectedBody + "'";
            }
        };
    }

    /** HTTP status OK. */
    int HTTP_OK = 200;

    /** Ready when both this and {@code next} are (next is only asked once this is). */
    default ReadinessProbe and(ReadinessProbe next) {
        ReadinessProbe first = this;
        return new ReadinessProbe() {
            @Override
            public boolean isReady() {
                return first.isReady() && next.isReady();
            }

            @Override
            public String toString() {
                return first + " and " + next;
            }
        };
    }
}
