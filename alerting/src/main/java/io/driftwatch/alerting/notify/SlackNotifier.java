package io.driftwatch.alerting.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.alerting.eval.AlertEvent;
import io.driftwatch.alerting.eval.AlertGroup;
import io.driftwatch.alerting.eval.EventKind;
import io.driftwatch.alerting.rules.NotifierSpec;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Slack incoming webhook: one message per group, {@code text} in Slack's mrkdwn, listing each series with
 * its value, threshold, window and links. The webhook URL is the credential: it is a secret, and appears in
 * no log, exception or {@link #toString()}.
 */
public final class SlackNotifier implements Notifier {

    private final NotifierSpec.Slack spec;
    private final Secret webhookUrl;
    private final NotifierContext context;
    private final HttpSender sender;

    SlackNotifier(NotifierSpec.Slack spec, NotifierContext context) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.context = Objects.requireNonNull(context, "context");
        this.webhookUrl = context.secrets().resolve(spec.webhookUrl());
        URI uri;
        try {
            uri = URI.create(webhookUrl.reveal());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("notifier " + spec.name() + ": " + spec.webhookUrl()
                    + " does not hold a valid URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("notifier " + spec.name() + ": " + spec.webhookUrl()
                    + " does not hold an http(s) URL");
        }
        // the path (/services/T…/B…/token) is the credential; mask it and its last segment on their own too
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        context.secrets().registerPart(webhookUrl, path);
        context.secrets().registerPart(webhookUrl, path.substring(path.lastIndexOf('/') + 1));
        this.sender = new HttpSender(spec.name(), context);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public CompletableFuture<List<DeliveryResult>> deliver(AlertGroup group) {
        ObjectNode body = AlertJson.MAPPER.createObjectNode();
        body.put("text", text(group));
        return sender.send("group " + group.groupKey(), AlertJson.post(URI.create(webhookUrl.reveal()),
                context.requestTimeout(), AlertJson.write(body)).build()).thenApply(List::of);
    }

    static String text(AlertGroup group) {
        AlertEvent first = group.events().get(0);
        long firing = group.events().stream().filter(e -> e.kind() != EventKind.RESOLVED).count();
        long resolved = group.events().size() - firing;
        StringBuilder s = new StringBuilder();
        s.append(firing > 0 ? ":rotating_light: *FIRING*" : ":white_check_mark: *RESOLVED*")
                .append(" `").append(group.rule()).append("` (").append(first.severity().wireName()).append(") ");
        s.append(firing).append(" firing, ").append(resolved).append(" resolved");
        if (!first.description().isEmpty()) {
            s.append("\n").append(first.description());
        }
        for (AlertEvent e : group.events()) {
            s.append("\n• ").append(e.kind() == EventKind.RESOLVED ? "resolved" : e.kind() == EventKind.REMINDER
                    ? "still firing" : "firing").append(": *").append(e.series().describe()).append("* ")
                    .append(e.valueName()).append(" = ").append(AlertEvent.format(e.value()))
                    .append(" (").append(e.condition()).append(")");
            if (!Double.isNaN(e.adjustedPValue())) {
                s.append(", adjusted p = ").append(AlertEvent.format(e.adjustedPValue()));
            }
            s.append(", window ").append(e.windowStart()).append(" to ").append(e.windowEnd());
            if (!e.baseline().isEmpty()) {
                s.append(", baseline ").append(e.baseline());
            }
            if (!e.dashboardUrl().isEmpty()) {
                s.append(" <").append(e.dashboardUrl()).append("|dashboard>");
            }
        }
        if (!first.runbookUrl().isEmpty()) {
            s.append("\nRunbook: <").append(first.runbookUrl()).append("|").append(first.runbookUrl()).append(">");
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "SlackNotifier{name=" + spec.name() + ", webhookUrl=" + webhookUrl + "}";
    }
}
