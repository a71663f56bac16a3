package io.driftwatch.flink.alerting;

import io.driftwatch.alerting.eval.MetricObservation;
import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.rules.MetricFamily;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link MetricObservation} as a Flink POJO (epoch millis, parallel arrays instead of a map), the one type
 * every metric stream is converted to before the alert streams are united. Values are kept in name order.
 */
public class ObservationRecord {

    public MetricFamily family;
    public String model;
    public String version;
    public String segment;
    public String feature;
    public String test;
    public long windowStart;
    public long windowEnd;
    public String[] valueNames;
    public double[] values;
    public boolean drift;
    public String baseline;
    /** Whether the row is one revision of its window (label metrics); false for rows emitted once. */
    public boolean revised;
    /** A revised row's emission time (its {@code emitted_at}, epoch ms), which orders the revisions of a window. */
    public long emittedAt;

    /** For Flink's POJO serializer. */
    public ObservationRecord() {
    }

    public static ObservationRecord of(MetricObservation o) {
        ObservationRecord r = new ObservationRecord();
        r.family = o.family();
        r.model = o.series().model();
        r.version = o.series().version();
        r.segment = o.series().segment();
        r.feature = o.series().feature();
        r.test = o.test();
        r.windowStart = o.windowStart().toEpochMilli();
        r.windowEnd = o.windowEnd().toEpochMilli();
        Map<String, Double> sorted = new TreeMap<>(o.values());
        r.valueNames = sorted.keySet().toArray(new String[0]);
        r.values = sorted.values().stream().mapToDouble(Double::doubleValue).toArray();
        r.drift = o.drift();
        r.baseline = o.baseline();
        return r;
    }

    /** A revision of its window emitted at {@code emittedAt} (epoch ms); later revisions supersede it. */
    public static ObservationRecord revision(MetricObservation o, long emittedAt) {
        ObservationRecord r = of(o);
        r.revised = true;
        r.emittedAt = emittedAt;
        return r;
    }

    /** @throws IllegalArgumentException if the record is inconsistent (as {@link MetricObservation} checks) */
    public MetricObservation toObservation() {
        if (valueNames.length != values.length) {
            throw new IllegalArgumentException(valueNames.length + " value names but " + values.length + " values");
        }
        Map<String, Double> named = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            named.put(valueNames[i], values[i]);
        }
        return new MetricObservation(family, series(), test, Instant.ofEpochMilli(windowStart),
                Instant.ofEpochMilli(windowEnd), named, drift, baseline);
    }

    public SeriesKey series() {
        return new SeriesKey(model, version, segment, feature);
    }
}
