package io.driftwatch.alerting.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Sends one request asynchronously with the {@link RetryPolicy}: 2xx delivered; 429, 408, 5xx and network
 * errors retried (honouring {@code Retry-After}, seconds or an HTTP date); other statuses rejected and not
 * retried, their body logged. Every attempt goes to the listener and to the log, with secrets redacted.
 */
final class HttpSender {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSender.class);

    /** Longest error body kept in logs and attempts. */
    static final int MAX_DETAIL_CHARS = 2000;
    static final int TOO_MANY_REQUESTS = 429;
    static final int REQUEST_TIMEOUT = 408;
    static final int SERVER_ERROR_MIN = 500;
    private static final int SUCCESS_MIN = 200;
    private static final int SUCCESS_MAX = 299;

    private final String notifier;
    private final HttpClient client;
    private final RetryPolicy policy;
    private final DeliveryListener listener;
    private final Redactor redactor;
    private final Clock clock;
    private final DoubleSupplier uniform;

    HttpSender(String notifier, NotifierContext context) {
        this(notifier, context.client(), context.retryPolicy(), context.listener(), context.secrets().redactor(),
                context.clock(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    HttpSender(String notifier, HttpClient client, RetryPolicy policy, DeliveryListener listener, Redactor redactor,
               Clock clock, DoubleSupplier uniform) {
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.client = Objects.requireNonNull(client, "client");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.uniform = Objects.requireNonNull(uniform, "uniform");
    }

    CompletableFuture<DeliveryResult> send(String delivery, HttpRequest request) {
        return attempt(delivery, request, 1);
    }

    private CompletableFuture<DeliveryResult> attempt(String delivery, HttpRequest request, int attempt) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, error) -> decide(delivery, attempt, response, error))
                .thenCompose(decision -> {
                    if (decision.outcome() != DeliveryOutcome.RETRYING) {
                        return CompletableFuture.completedFuture(new DeliveryResult(notifier, delivery,
                                decision.outcome(), attempt, decision.status()));
                    }
                    var later = CompletableFuture.delayedExecutor(decision.delay().toMillis(), TimeUnit.MILLISECONDS);
                    return CompletableFuture.supplyAsync(() -> attempt + 1, later)
                            .thenCompose(next -> attempt(delivery, request, next));
                });
    }

    private record Decision(DeliveryOutcome outcome, int status, Duration delay) {
    }

    private Decision decide(String delivery, int attempt, HttpResponse<String> response, Throwable error) {
        int status = response == null ? 0 : response.statusCode();
        boolean retryable;
        String detail;
        Optional<Duration> retryAfter = Optional.empty();
        if (response == null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            retryable = true;
            detail = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        } else if (status >= SUCCESS_MIN && status <= SUCCESS_MAX) {
            retryable = false;
            detail = "";
        } else {
            retryable = status == TOO_MANY_REQUESTS || status == REQUEST_TIMEOUT || status >= SERVER_ERROR_MIN;
            detail = response.body();
            retryAfter = response.headers().firstValue("Retry-After").flatMap(this::parseRetryAfter);
        }
        detail = truncate(redactor.redact(detail));
        DeliveryOutcome outcome;
        Duration wait = Duration.ZERO;
        if (status >= SUCCESS_MIN && status <= SUCCESS_MAX) {
            outcome = DeliveryOutcome.DELIVERED;
        } else if (!retryable) {
            outcome = DeliveryOutcome.REJECTED;
        } else if (attempt >= policy.maxAttempts()) {
            outcome = DeliveryOutcome.GAVE_UP;
        } else {
            outcome = DeliveryOutcome.RETRYING;
            wait = retryAfter.map(policy::retryAfter).orElseGet(() -> policy.backoff(attempt, uniform));
        }
        DeliveryAttempt record = new DeliveryAttempt(notifier, delivery, attempt, status, outcome, wait, detail,
                clock.instant());
        log(record);
        listener.onAttempt(record);
        return new Decision(outcome, status, wait);
    }

    private void log(DeliveryAttempt a) {
        switch (a.outcome()) {
            case DELIVERED:
                LOG.info("{}: {} delivered (attempt {}, HTTP {})", a.notifier(), a.delivery(), a.attempt(), a.statusCode());
                break;
            case RETRYING:
                LOG.warn("{}: {} attempt {} failed (HTTP {}): {}; retrying in {} ms", a.notifier(), a.delivery(),
                        a.attempt(), a.statusCode(), a.detail(), a.retryIn().toMillis());
                break;
            default:
                LOG.error("{}: {} {} after attempt {} (HTTP {}): {}", a.notifier(), a.delivery(), a.outcome(),
                        a.attempt(), a.statusCode(), a.detail());
        }
    }

    /** Seconds, or an HTTP date (RFC 1123); empty when unparseable. */
    private Optional<Duration> parseRetryAfter(String value) {
        String v = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Duration.between(clock.instant(), when.toInstant()));
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static String truncate(String s) {
        return s.length() <= MAX_DETAIL_CHARS ? s : s.substring(0, MAX_DETAIL_CHARS) + "…";
    }
}
