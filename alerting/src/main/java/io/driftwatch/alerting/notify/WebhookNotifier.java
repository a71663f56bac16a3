package io.driftwatch.alerting.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.alerting.eval.AlertEvent;
import io.driftwatch.alerting.eval.AlertGroup;
import io.driftwatch.alerting.rules.NotifierSpec;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Generic JSON webhook: one POST per group,
 * {@code {"version":1,"rule":…,"group_key":…,"events":[{status, rule, model, …, value, threshold, …}]}}.
 * With {@code hmac_secret}, the header ({@code X-Driftwatch-Signature} by default) is
 * {@code sha256=<hex HMAC-SHA256 of the exact body bytes>}, as GitHub signs its webhooks.
 */
public final class WebhookNotifier implements Notifier {

    static final int BODY_FORMAT_VERSION = 1;
    static final String HMAC_ALGORITHM = "HmacSHA256";
    static final String SIGNATURE_PREFIX = "sha256=";

    private final NotifierSpec.Webhook spec;
    private final Optional<Secret> hmacSecret;
    private final NotifierContext context;
    private final HttpSender sender;

    WebhookNotifier(NotifierSpec.Webhook spec, NotifierContext context) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.context = Objects.requireNonNull(context, "context");
        this.hmacSecret = spec.hmacSecret().map(context.secrets()::resolve);
        this.sender = new HttpSender(spec.name(), context);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public CompletableFuture<List<DeliveryResult>> deliver(AlertGroup group) {
        String body = AlertJson.write(body(group));
        HttpRequest.Builder request = AlertJson.post(spec.url(), context.requestTimeout(), body);
        hmacSecret.ifPresent(s -> request.header(spec.signatureHeader(), SIGNATURE_PREFIX + sign(s, body)));
        return sender.send("group " + group.groupKey(), request.build()).thenApply(List::of);
    }

    static ObjectNode body(AlertGroup group) {
        ObjectNode body = AlertJson.MAPPER.createObjectNode();
        body.put("version", BODY_FORMAT_VERSION);
        body.put("rule", group.rule());
        body.put("group_key", group.groupKey());
        ArrayNode events = body.putArray("events");
        for (AlertEvent e : group.events()) {
            events.add(AlertJson.details(e));
        }
        return body;
    }

    /** Hex HMAC-SHA256 of the UTF-8 body with the secret as key. */
    static String sign(Secret secret, String body) {
        try {
            Mac mac = Mac.getInstance(HMAC_ALGORITHM);
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), HMAC_ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // messages of these name the algorithm, not the key
            throw new IllegalStateException("cannot compute " + HMAC_ALGORITHM + ": " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "WebhookNotifier{name=" + spec.name() + ", url=" + spec.url() + ", hmacSecret="
                + hmacSecret.map(Secret::toString).orElse("none") + "}";
    }
}
