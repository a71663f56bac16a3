package io.driftwatch.alerting.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.alerting.eval.AlertEvent;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** JSON and request helpers shared by the notifiers. */
final class AlertJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {
    }

    /** Finite numbers as numbers, NaN as null (JSON has no NaN), infinities as strings. */
    static void putNumber(ObjectNode node, String name, double value) {
        if (Double.isNaN(value)) {
            node.putNull(name);
        } else if (Double.isInfinite(value)) {
            node.put(name, value > 0 ? "Infinity" : "-Infinity");
        } else {
            node.put(name, value);
        }
    }

    /** The numbers and identity of one event, as a flat object (custom_details, webhook events). */
    static ObjectNode details(AlertEvent e) {
        ObjectNode d = MAPPER.createObjectNode();
        d.put("status", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        d.put("rule", e.rule());
        if (!e.description().isEmpty()) {
            d.put("description", e.description());
        }
        d.put("severity", e.severity().wireName());
        d.put("metric", e.family().yamlName());
        d.put("model", e.series().model());
        d.put("version", e.series().version());
        d.put("segment", e.series().segment());
        d.put("feature", e.series().feature());
        if (!e.test().isEmpty()) {
            d.put("test", e.test());
        }
        d.put("condition", e.condition());
        d.put("value_name", e.valueName());
        putNumber(d, "value", e.value());
        putNumber(d, "threshold", e.threshold());
        putNumber(d, "statistic", e.statistic());
        putNumber(d, "p_value", e.pValue());
        putNumber(d, "adjusted_p_value", e.adjustedPValue());
        d.put("window_start", e.windowStart().toString());
        d.put("window_end", e.windowEnd().toString());
        d.put("firing_since", e.firingSince().toString());
        d.put("baseline", e.baseline());
        d.put("dedup_key", e.dedupKey());
        if (!e.labels().isEmpty()) {
            ObjectNode labels = d.putObject("labels");
            e.labels().forEach(labels::put);
        }
        if (!e.dashboardUrl().isEmpty()) {
            d.put("dashboard", e.dashboardUrl());
        }
        if (!e.runbookUrl().isEmpty()) {
            d.put("runbook_url", e.runbookUrl());
        }
        return d;
    }

    static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    static HttpRequest.Builder post(URI uri, Duration timeout, String body) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
