package io.driftwatch.alerting.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.alerting.eval.AlertEvent;
import io.driftwatch.alerting.eval.AlertGroup;
import io.driftwatch.alerting.eval.EventKind;
import io.driftwatch.alerting.rules.NotifierSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * PagerDuty Events API v2 ({@code POST /v2/enqueue}): one {@code trigger} per FIRED event and one
 * {@code resolve} per RESOLVED event, keyed by the event's stable {@code dedup_key}, sent one after the other
 * in group order. REMINDER events are not sent: a PagerDuty alert stays open and its escalation policy
 * re-pages, and a second trigger would only add a log entry. Bodies follow PagerDuty's published OpenAPI
 * document: trigger requires {@code payload.summary} (at most {@link #MAX_SUMMARY_CHARS}), {@code source}
 * and {@code severity}; resolve needs only {@code routing_key}, {@code event_action}, {@code dedup_key}.
 */
public final class PagerDutyNotifier implements Notifier {

    /** PagerDuty truncates summaries longer than 1024 characters (Events API v2 documentation). */
    static final int MAX_SUMMARY_CHARS = 1024;
    private static final String ELLIPSIS = "…";

    private final NotifierSpec.PagerDuty spec;
    private final Secret routingKey;
    private final NotifierContext context;
    private final HttpSender sender;

    PagerDutyNotifier(NotifierSpec.PagerDuty spec, NotifierContext context) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.context = Objects.requireNonNull(context, "context");
        this.routingKey = context.secrets().resolve(spec.routingKey());
        this.sender = new HttpSender(spec.name(), context);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public CompletableFuture<List<DeliveryResult>> deliver(AlertGroup group) {
        CompletableFuture<List<DeliveryResult>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (AlertEvent e : group.events()) {
            if (e.kind() == EventKind.REMINDER) {
                continue;
            }
            String action = e.kind() == EventKind.FIRED ? "trigger" : "resolve";
            String body = AlertJson.write(e.kind() == EventKind.FIRED ? trigger(e, group.groupKey()) : resolve(e));
            chain = chain.thenCompose(results -> sender.send(action + " " + e.dedupKey(),
                    AlertJson.post(spec.url(), context.requestTimeout(), body).build())
                    .thenApply(r -> {
                        results.add(r);
                        return results;
                    }));
        }
        return chain.thenApply(List::copyOf);
    }

    ObjectNode trigger(AlertEvent e, String groupKey) {
        ObjectNode body = AlertJson.MAPPER.createObjectNode();
        body.put("routing_key", routingKey.reveal());
        body.put("event_action", "trigger");
        body.put("dedup_key", e.dedupKey());
        ObjectNode payload = body.putObject("payload");
        payload.put("summary", summary(e.summary()));
        payload.put("source", spec.source());
        payload.put("severity", e.severity().wireName());
        payload.put("timestamp", e.windowEnd().toString());
        payload.put("component", e.series().model() + "/" + e.series().version());
        payload.put("group", groupKey);
        payload.put("class", e.family().yamlName());
        payload.set("custom_details", AlertJson.details(e));
        body.put("client", spec.client());
        if (!spec.clientUrl().isEmpty()) {
            body.put("client_url", spec.clientUrl());
        }
        ArrayNode links = body.putArray("links");
        if (!e.dashboardUrl().isEmpty()) {
            links.addObject().put("href", e.dashboardUrl()).put("text", "Dashboard");
        }
        if (!e.runbookUrl().isEmpty()) {
            links.addObject().put("href", e.runbookUrl()).put("text", "Runbook");
        }
        return body;
    }

    ObjectNode resolve(AlertEvent e) {
        ObjectNode body = AlertJson.MAPPER.createObjectNode();
        body.put("routing_key", routingKey.reveal());
        body.put("event_action", "resolve");
        body.put("dedup_key", e.dedupKey());
        return body;
    }

    static String summary(String text) {
        return text.length() <= MAX_SUMMARY_CHARS ? text
                : text.substring(0, MAX_SUMMARY_CHARS - ELLIPSIS.length()) + ELLIPSIS;
    }

    @Override
    public String toString() {
        return "PagerDutyNotifier{name=" + spec.name() + ", url=" + spec.url() + ", routingKey=" + routingKey + "}";
    }
}
