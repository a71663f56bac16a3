package io.driftwatch.flink.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sampling of valid predictions into the {@code predictions_raw} table, for drill-down. The entry
 * {@code default} applies to models without their own; off (rate 0) unless configured.
 *
 * @param defaultRate fraction kept of models without an entry, in [0, 1]
 * @param models      model id to its fraction
 */
public record RawPredictionsConfig(double defaultRate, Map<String, Double> models) implements Serializable {

    public static final String DEFAULT_ENTRY = "default";

    public static final ConfigOption<Double> SAMPLE_RATE = ConfigOption.withDefault(
            "raw_predictions.<model>.sample_rate", fraction(), 0.0,
            "Fraction of valid predictions written to `predictions_raw` (0 = off, 1 = all), chosen by a hash of "
                    + "`prediction_id` so a replay picks the same ones; `<model>` is a model id or `" + DEFAULT_ENTRY
                    + "`.");

    static final List<ConfigOption<?>> OPTIONS = List.of(SAMPLE_RATE);

    public RawPredictionsConfig {
        requireRate(defaultRate, DEFAULT_ENTRY);
        models.forEach((model, rate) -> requireRate(rate, model));
        models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /** Sampling off for every model. */
    public static RawPredictionsConfig off() {
        return new RawPredictionsConfig(0.0, Map.of());
    }

    public double rateFor(String modelId) {
        return models.getOrDefault(modelId, defaultRate);
    }

    /** Whether any model samples at all (else the job adds no sampling operator nor sink). */
    public boolean enabled() {
        return defaultRate > 0 || models.values().stream().anyMatch(rate -> rate > 0);
    }

    private static void requireRate(Double rate, String entry) {
        if (rate == null || !(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("raw_predictions." + entry + ".sample_rate must be in [0, 1], was " + rate);
        }
    }

    static RawPredictionsConfig read(ConfigNode section) {
        int errorsBefore = section.errorCount();
        Map<String, ConfigNode> entries = section.entries();
        ConfigNode defaultEntry = entries.get(DEFAULT_ENTRY);
        Double defaults = defaultEntry == null ? SAMPLE_RATE.defaultValue() : defaultEntry.get(SAMPLE_RATE);
        Map<String, Double> models = new LinkedHashMap<>();
        entries.forEach((model, node) -> {
            if (!model.equals(DEFAULT_ENTRY)) {
                models.put(model, node.getOr(SAMPLE_RATE, defaults));
            }
        });
        return section.errorCount() > errorsBefore ? null : new RawPredictionsConfig(defaults, models);
    }

    /** A number in [0, 1]. */
    private static ValueType<Double> fraction() {
        return new ValueType<>() {
            @Override
            public String typeName() {
                return "number 0..1";
            }

            @Override
            public Double read(ConfigNode value) {
                Double number = ValueTypes.number(value);
                if (number != null && !(number >= 0 && number <= 1)) {
                    value.error("must be a fraction in [0, 1], got " + number);
                    return null;
                }
                return number;
            }
        };
    }
}
