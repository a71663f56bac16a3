package io.driftwatch.flink.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Baselines per model. The entry {@code default} applies to models without their own entry.
 *
 * @param defaults baseline of models without an entry
 * @param models   model id to its baseline
 */
public record BaselineConfig(BaselineSpec defaults, Map<String, BaselineSpec> models) implements Serializable {

    /** Model key whose entry applies to every model without its own. */
    public static final String DEFAULT_ENTRY = "default";
    /** A rolling baseline longer than a week of 1-minute windows is a misconfiguration, not a baseline. */
    private static final int MAX_WINDOWS = 10_080;
    private static final int DEFAULT_WINDOWS = 12;

    public static final ConfigOption<BaselineSpec.Kind> KIND = ConfigOption.withDefault("baselines.<model>.kind",
            ValueTypes.keyword(BaselineSpec.Kind.values(), BaselineSpec.Kind::id), BaselineSpec.Kind.ROLLING,
            "`rolling` (the last N windows) or `clickhouse` (a stored reference profile); `<model>` is a model id "
                    + "or `" + DEFAULT_ENTRY + "`.");
    public static final ConfigOption<Integer> WINDOWS = ConfigOption.withDefault("baselines.<model>.windows",
            ValueTypes.integer(1, MAX_WINDOWS), DEFAULT_WINDOWS, "Rolling baseline length in windows (kind `rolling` only).");
    public static final ConfigOption<String> PROFILE = ConfigOption.optional("baselines.<model>.profile",
            ValueTypes.text(), "Reference profile id in ClickHouse; required for kind `clickhouse`, which `"
                    + DEFAULT_ENTRY + "` cannot use.");

    static final List<ConfigOption<?>> OPTIONS = List.of(KIND, WINDOWS, PROFILE);

    public BaselineConfig {
        Objects.requireNonNull(defaults, "defaults");
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /** The baseline of {@code modelId}. */
    public BaselineSpec forModel(String modelId) {
        return models.getOrDefault(modelId, defaults);
    }

    /**
     * True when the model's own entry says {@code rolling}: it is compared with its own previous windows even if
     * a stored baseline exists for it. Models under {@code default} use a stored baseline when one exists.
     */
    public boolean ignoresStoredBaselines(String modelId) {
        return models.get(modelId) instanceof BaselineSpec.Rolling;
    }

    static BaselineConfig read(ConfigNode baselines) {
        int errorsBefore = baselines.errorCount();
        Map<String, ConfigNode> entries = baselines.entries();
        ConfigNode defaultEntry = entries.get(DEFAULT_ENTRY);
        BaselineSpec defaults = defaultEntry == null ? new BaselineSpec.Rolling(DEFAULT_WINDOWS) : spec(defaultEntry, null);
        if (defaults instanceof BaselineSpec.ReferenceProfile) {
            defaultEntry.error("kind clickhouse needs a profile per model; give '" + DEFAULT_ENTRY + "' kind rolling");
        }
        Map<String, BaselineSpec> models = new LinkedHashMap<>();
        entries.forEach((model, entry) -> {
            if (!model.equals(DEFAULT_ENTRY)) {
                models.put(model, spec(entry, defaults));
            }
        });
        return baselines.errorCount() > errorsBefore ? null : new BaselineConfig(defaults, models);
    }

    /** One entry; unset keys of a rolling entry inherit from a rolling {@code inherited}. */
    private static BaselineSpec spec(ConfigNode entry, BaselineSpec inherited) {
        BaselineSpec.Kind inheritedKind = inherited instanceof BaselineSpec.Rolling ? BaselineSpec.Kind.ROLLING : KIND.defaultValue();
        BaselineSpec.Kind kind = entry.getOr(KIND, inheritedKind);
        if (kind == BaselineSpec.Kind.CLICKHOUSE) {
            if (entry.has(WINDOWS)) {
                entry.error("windows only applies to kind rolling, this entry is kind clickhouse");
            }
            String profile = entry.get(PROFILE);
            if (profile == null && !entry.has(PROFILE)) {
                entry.error("kind clickhouse needs a profile (the reference profile id in ClickHouse)");
            }
            return profile == null ? null : new BaselineSpec.ReferenceProfile(profile);
        }
        if (entry.has(PROFILE)) {
            entry.error("profile only applies to kind clickhouse, this entry is kind rolling");
        }
        int fallback = inherited instanceof BaselineSpec.Rolling r ? r.windows() : WINDOWS.defaultValue();
        Integer windows = entry.getOr(WINDOWS, fallback);
        return kind == null || windows == null ? null : new BaselineSpec.Rolling(windows);
    }
}
