package io.driftwatch.flink.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The whole job configuration, one record per YAML section. Load it with {@link ConfigLoader}; every option
 * is declared once, as a {@link ConfigOption} constant in its section's record, and listed in {@link #OPTIONS}.
 * {@link #toString()} is a complete dump with secrets masked.
 */
public record DriftwatchConfig(KafkaConfig kafka, ClickHouseConfig clickhouse, WindowConfig windows, DriftConfig drift,
                               BaselineConfig baselines, SegmentConfig segments, LimitsConfig limits, SinkConfig sink,
                               RawPredictionsConfig rawPredictions, AlertingConfig alerting, LabelConfig labels)
        implements Serializable {

    /** Every option, in reference order. */
    public static final List<ConfigOption<?>> OPTIONS = concat(KafkaConfig.OPTIONS, ClickHouseConfig.OPTIONS,
            WindowConfig.OPTIONS, DriftConfig.OPTIONS, BaselineConfig.OPTIONS, SegmentConfig.OPTIONS,
            LimitsConfig.OPTIONS, SinkConfig.OPTIONS, RawPredictionsConfig.OPTIONS, AlertingConfig.OPTIONS,
            LabelConfig.OPTIONS);

    public DriftwatchConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(clickhouse, "clickhouse");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(baselines, "baselines");
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(rawPredictions, "rawPredictions");
        Objects.requireNonNull(alerting, "alerting");
        Objects.requireNonNull(labels, "labels");
    }

    /** Reads every section; returns {@code null} when any error was recorded. */
    static DriftwatchConfig read(ConfigNode root) {
        int errorsBefore = root.errorCount();
        KafkaConfig kafka = KafkaConfig.read(root.section("kafka"));
        ClickHouseConfig clickhouse = ClickHouseConfig.read(root.section("clickhouse"));
        WindowConfig windows = WindowConfig.read(root.section("windows"));
        DriftConfig drift = DriftConfig.read(root.section("drift"));
        BaselineConfig baselines = BaselineConfig.read(root.section("baselines"));
        LimitsConfig limits = LimitsConfig.read(root.section("limits"));
        SegmentConfig segments = SegmentConfig.read(root.section("segments"), limits);
        SinkConfig sink = SinkConfig.read(root.section("sink"));
        RawPredictionsConfig rawPredictions = RawPredictionsConfig.read(root.section("raw_predictions"));
        AlertingConfig alerting = AlertingConfig.read(root.section("alerting"));
        LabelConfig labels = LabelConfig.read(root.section("labels"));
        if (root.errorCount() > errorsBefore) {
            return null;
        }
        return new DriftwatchConfig(kafka, clickhouse, windows, drift, baselines, segments, limits, sink, rawPredictions,
                alerting, labels);
    }

    @SafeVarargs
    private static List<ConfigOption<?>> concat(List<ConfigOption<?>>... sections) {
        List<ConfigOption<?>> all = new ArrayList<>();
        for (List<ConfigOption<?>> section : sections) {
            all.addAll(section);
        }
        return List.copyOf(all);
    }
}
