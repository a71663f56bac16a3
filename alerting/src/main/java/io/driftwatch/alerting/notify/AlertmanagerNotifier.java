package io.driftwatch.alerting.notify;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
 * Prometheus Alertmanager v2: one {@code POST <url>/api/v2/alerts} per group with one alert per event.
 * Labels identify the alert (alertname = rule, rule, severity, metric, model, version, segment, feature,
 * dedup_key, and the rule's labels; empty values are left out, as Alertmanager treats them as absent);
 * annotations carry summary, description, numbers and links. {@code startsAt} is when it fired; a RESOLVED
 * event sets {@code endsAt} to its window's end. Firing alerts carry no {@code endsAt}, so Alertmanager
 * resolves them itself after its {@code resolve_timeout} unless a reminder re-posts them: keep
 * {@code renotify_interval} below that timeout for rules routed here.
 */
public final class AlertmanagerNotifier implements Notifier {

    static final String ALERTS_PATH = "/api/v2/alerts";

    private final NotifierSpec.Alertmanager spec;
    private final NotifierContext context;
    private final HttpSender sender;
    private final URI alertsUri;

    AlertmanagerNotifier(NotifierSpec.Alertmanager spec, NotifierContext context) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.context = Objects.requireNonNull(context, "context");
        String base = spec.url().toString();
        this.alertsUri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + ALERTS_PATH);
        this.sender = new HttpSender(spec.name(), context);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public CompletableFuture<List<DeliveryResult>> deliver(AlertGroup group) {
        ArrayNode alerts = AlertJson.MAPPER.createArrayNode();
        for (AlertEvent e : group.events()) {
            alerts.add(alert(e));
        }
        return sender.send("group " + group.groupKey(), AlertJson.post(alertsUri, context.requestTimeout(),
                AlertJson.write(alerts)).build()).thenApply(List::of);
    }

    static ObjectNode alert(AlertEvent e) {
        ObjectNode alert = AlertJson.MAPPER.createObjectNode();
        ObjectNode labels = alert.putObject("labels");
        putLabel(labels, "alertname", e.rule());
        putLabel(labels, "rule", e.rule());
        putLabel(labels, "severity", e.severity().wireName());
        putLabel(labels, "metric", e.family().yamlName());
        putLabel(labels, "model", e.series().model());
        putLabel(labels, "version", e.series().version());
        putLabel(labels, "segment", e.series().segment());
        putLabel(labels, "feature", e.series().feature());
        putLabel(labels, "dedup_key", e.dedupKey());
        e.labels().forEach((k, v) -> putLabel(labels, k, v));
        ObjectNode annotations = alert.putObject("annotations");
        annotations.put("summary", e.summary());
        if (!e.description().isEmpty()) {
            annotations.put("description", e.description());
        }
        annotations.put("condition", e.condition());
        annotations.put("value", AlertEvent.format(e.value()));
        annotations.put("threshold", AlertEvent.format(e.threshold()));
        annotations.put("statistic", AlertEvent.format(e.statistic()));
        annotations.put("p_value", AlertEvent.format(e.pValue()));
        annotations.put("adjusted_p_value", AlertEvent.format(e.adjustedPValue()));
        annotations.put("window_start", e.windowStart().toString());
        annotations.put("window_end", e.windowEnd().toString());
        annotations.put("baseline", e.baseline());
        if (!e.runbookUrl().isEmpty()) {
            annotations.put("runbook_url", e.runbookUrl());
        }
        if (!e.dashboardUrl().isEmpty()) {
            annotations.put("dashboard", e.dashboardUrl());
            alert.put("generatorURL", e.dashboardUrl());
        }
        alert.put("startsAt", e.firingSince().toString());
        if (e.kind() == EventKind.RESOLVED) {
            alert.put("endsAt", e.windowEnd().toString());
        }
        return alert;
    }

    private static void putLabel(ObjectNode labels, String name, String value) {
        if (!value.isEmpty()) {
            labels.put(name, value);
        }
    }

    @Override
    public String toString() {
        return "AlertmanagerNotifier{name=" + spec.name() + ", url=" + spec.url() + "}";
    }
}
