package io.driftwatch.flink.config;

import io.driftwatch.schemas.tables.ModelTask;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Label options per model (see {@link LabelSpec}). The entry {@code default} applies to models without their own;
 * a model entry inherits unset keys from it.
 */
public record LabelConfig(LabelSpec defaults, Map<String, LabelSpec> models) implements Serializable {

    public static final String DEFAULT_ENTRY = "default";
    /** A year: no ground truth is worth waiting for longer (state would grow with a year of predictions). */
    private static final Duration MAX_HORIZON = Duration.ofDays(365);

    public static final ConfigOption<ModelTask> TASK = ConfigOption.withDefault("labels.<model>.task",
            ValueTypes.keyword(ModelTask.values(), ModelTask::sqlValue), ModelTask.BINARY,
            "What the model predicts (which metrics apply, which labels fit); `<model>` is a model id or `"
                    + DEFAULT_ENTRY + "`.");
    public static final ConfigOption<Duration> HORIZON = ConfigOption.withDefault("labels.<model>.horizon",
            ValueTypes.duration(Duration.ofSeconds(1)), Duration.ofDays(30),
            "How long (event time) after a prediction its label may come; the join keeps the prediction this long, "
                    + "later labels are dead-lettered as `label_past_horizon`.");
    public static final ConfigOption<Double> THRESHOLD = ConfigOption.withDefault("labels.<model>.threshold",
            ValueTypes.number(0, 1), 0.5, "Decision threshold of a binary model: predict 1 when score >= threshold.");
    public static final ConfigOption<Double> MIN_COVERAGE = ConfigOption.withDefault("labels.<model>.min_coverage",
            ValueTypes.number(0, 1), 0.5,
            "Below this label coverage a window's performance row is flagged `estimated` (prefer the CBPE columns).");
    public static final ConfigOption<Duration> PENDING_LABEL_WAIT = ConfigOption.withDefault(
            "labels.<model>.pending_label_wait", ValueTypes.duration(Duration.ZERO), Duration.ofHours(1),
            "How long (event time) a label that came before its prediction waits for it before it is dead-lettered "
                    + "as `unknown_prediction`.");
    public static final ConfigOption<Duration> EMIT_INTERVAL = ConfigOption.withDefault("labels.<model>.emit_interval",
            ValueTypes.duration(Duration.ofSeconds(1)), Duration.ofMinutes(1),
            "A window's performance row is re-emitted at most once per this much event time, however many labels come.");
    public static final ConfigOption<List<String>> CLASSES = ConfigOption.withDefault("labels.<model>.classes",
            ValueTypes.textList(), List.of(), "Class names of a multiclass model (at least two); labels of other "
                    + "classes are dead-lettered as `label_mismatch`.");

    static final List<ConfigOption<?>> OPTIONS = List.of(TASK, HORIZON, THRESHOLD, MIN_COVERAGE, PENDING_LABEL_WAIT,
            EMIT_INTERVAL, CLASSES);

    public LabelConfig {
        Objects.requireNonNull(defaults, "defaults");
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /** The built-in defaults for every model. */
    public static LabelConfig builtIn() {
        return new LabelConfig(builtInSpec(), Map.of());
    }

    private static LabelSpec builtInSpec() {
        return new LabelSpec(TASK.defaultValue(), HORIZON.defaultValue(), THRESHOLD.defaultValue(),
                MIN_COVERAGE.defaultValue(), PENDING_LABEL_WAIT.defaultValue(), EMIT_INTERVAL.defaultValue(),
                CLASSES.defaultValue());
    }

    public LabelSpec forModel(String modelId) {
        return models.getOrDefault(modelId, defaults);
    }

    static LabelConfig read(ConfigNode labels) {
        int errorsBefore = labels.errorCount();
        Map<String, ConfigNode> entries = labels.entries();
        ConfigNode defaultEntry = entries.get(DEFAULT_ENTRY);
        LabelSpec defaults = defaultEntry == null ? builtInSpec() : entry(defaultEntry, builtInSpec());
        Map<String, LabelSpec> models = new LinkedHashMap<>();
        entries.forEach((model, node) -> {
            if (!model.equals(DEFAULT_ENTRY)) {
                models.put(model, entry(node, defaults == null ? builtInSpec() : defaults));
            }
        });
        return labels.errorCount() > errorsBefore ? null : new LabelConfig(defaults, models);
    }

    private static LabelSpec entry(ConfigNode node, LabelSpec inherited) {
        ModelTask task = node.getOr(TASK, inherited.task());
        Duration horizon = node.getOr(HORIZON, inherited.horizon());
        Double threshold = node.getOr(THRESHOLD, inherited.threshold());
        Double minCoverage = node.getOr(MIN_COVERAGE, inherited.minCoverage());
        Duration wait = node.getOr(PENDING_LABEL_WAIT, inherited.pendingLabelWait());
        Duration emit = node.getOr(EMIT_INTERVAL, inherited.emitInterval());
        List<String> classes = node.getOr(CLASSES, inherited.classes());
        if (task == null || horizon == null || threshold == null || minCoverage == null || wait == null
                || emit == null || classes == null) {
            return null;
        }
        if (horizon.compareTo(MAX_HORIZON) > 0) {
            node.error("horizon " + Durations.format(horizon) + " exceeds " + Durations.format(MAX_HORIZON));
            return null;
        }
        if (task == ModelTask.MULTICLASS && classes.size() < 2) {
            node.error("task multiclass needs classes: at least two class names");
            return null;
        }
        return new LabelSpec(task, horizon, threshold, minCoverage, wait, emit, classes);
    }
}
