package io.driftwatch.flink.alerting;

import io.driftwatch.alerting.eval.AlertEvent;
import io.driftwatch.alerting.eval.EventKind;
import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.rules.MetricFamily;
import io.driftwatch.alerting.rules.Severity;
import io.driftwatch.schemas.tables.AlertKind;
import io.driftwatch.schemas.tables.AlertRow;
import io.driftwatch.schemas.tables.AlertSeverity;
import io.driftwatch.schemas.tables.WindowKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link AlertEvent} as a Flink POJO (epoch millis, arrays), plus the time the job emitted it (the
 * {@code alerts} table's replacing version). Converts back to the event for notifiers and to an {@link AlertRow}.
 */
public class AlertRecord {

    public EventKind kind;
    public String rule;
    public String description;
    public Severity severity;
    public MetricFamily family;
    public String model;
    public String version;
    public String segment;
    public String feature;
    public String test;
    public String dedupKey;
    public long windowStart;
    public long windowEnd;
    public long firingSince;
    public String condition;
    public String valueName;
    public double value;
    public double threshold;
    public double statistic;
    public double pValue;
    public double adjustedPValue;
    public String baseline;
    public String[] labelNames;
    public String[] labelValues;
    public String runbookUrl;
    public String dashboardUrl;
    public String[] routes;
    public long emittedAt;

    /** For Flink's POJO serializer. */
    public AlertRecord() {
    }

    public static AlertRecord of(AlertEvent e, long emittedAtMillis) {
        AlertRecord r = new AlertRecord();
        r.kind = e.kind();
        r.rule = e.rule();
        r.description = e.description();
        r.severity = e.severity();
        r.family = e.family();
        r.model = e.series().model();
        r.version = e.series().version();
        r.segment = e.series().segment();
        r.feature = e.series().feature();
        r.test = e.test();
        r.dedupKey = e.dedupKey();
        r.windowStart = e.windowStart().toEpochMilli();
        r.windowEnd = e.windowEnd().toEpochMilli();
        r.firingSince = e.firingSince().toEpochMilli();
        r.condition = e.condition();
        r.valueName = e.valueName();
        r.value = e.value();
        r.threshold = e.threshold();
        r.statistic = e.statistic();
        r.pValue = e.pValue();
        r.adjustedPValue = e.adjustedPValue();
        r.baseline = e.baseline();
        Map<String, String> labels = new java.util.TreeMap<>(e.labels());
        r.labelNames = labels.keySet().toArray(new String[0]);
        r.labelValues = labels.values().toArray(new String[0]);
        r.runbookUrl = e.runbookUrl();
        r.dashboardUrl = e.dashboardUrl();
        r.routes = e.routes().toArray(new String[0]);
        r.emittedAt = emittedAtMillis;
        return r;
    }

    public AlertEvent toEvent() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < labelNames.length; i++) {
            labels.put(labelNames[i], labelValues[i]);
        }
        return new AlertEvent(kind, rule, description, severity, family, new SeriesKey(model, version, segment, feature),
                test, dedupKey, Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(windowEnd),
                Instant.ofEpochMilli(firingSince), condition, valueName, value, threshold, statistic, pValue,
                adjustedPValue, baseline, labels, runbookUrl, dashboardUrl, Arrays.asList(routes));
    }

    /** The {@code alerts} table's row. */
    public AlertRow toRow() {
        AlertEvent e = toEvent();
        return new AlertRow(rule, new WindowKey(model, version, segment, e.windowStart(), e.windowEnd()), feature,
                AlertKind.valueOf(kind.name()), dedupKey, AlertSeverity.valueOf(severity.name()), family.yamlName(),
                test, condition, valueName, value, threshold, statistic, pValue, adjustedPValue, baseline,
                e.firingSince(), e.labels(), List.copyOf(e.routes()), e.summary(), dashboardUrl, runbookUrl,
                Instant.ofEpochMilli(emittedAt));
    }

    @Override
    public String toString() {
        return "AlertRecord[" + kind + " " + rule + " " + model + "/" + version + " " + segment + " " + feature + " @"
                + Instant.ofEpochMilli(windowStart) + "]";
    }
}
