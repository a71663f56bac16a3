package io.driftwatch.flink.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.Polarity;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which drift tests run and when they alarm.
 *
 * @param tests        tests for features without an entry in {@code features}
 * @param features     per-feature test selection (feature name to tests)
 * @param thresholds   thresholds overriding {@link DriftTestId#defaultThreshold()}
 * @param bins         bins for binned tests (PSI, JS, chi-square on numeric features)
 * @param binning      how bin edges are placed
 */
public record DriftConfig(TestSelection tests, Map<String, TestSelection> features, Map<DriftTestId, Double> thresholds,
                          int bins, BinningStrategy binning) implements Serializable {

    /** Fewer than 2 bins cannot show a shift; beyond 1000 bins most are empty at realistic window sizes. */
    private static final int MIN_BINS = 2;
    private static final int MAX_BINS = 1_000;

    public static final ConfigOption<TestSelection> TESTS = ConfigOption.withDefault("drift.tests", TestSelection.type(),
            TestSelection.AUTO, "Tests for every feature: `auto` (by feature type) or a list of test ids ("
                    + TestSelection.knownIds() + ").");
    public static final ConfigOption<Map<String, TestSelection>> FEATURES = ConfigOption.withDefault("drift.features",
            featureMap(), Map.of(), "Per-feature override of `drift.tests`: feature name to `auto` or a list of test ids.");
    public static final ConfigOption<Map<DriftTestId, Double>> THRESHOLDS = ConfigOption.withDefault("drift.thresholds",
            thresholdMap(), Map.of(), "Test id to threshold, overriding the defaults (p-value tests "
                    + DriftTestId.Defaults.P_VALUE + ", distances " + DriftTestId.Defaults.DIVERGENCE
                    + "); p-value thresholds must be in (0, 1), distances > 0.");
    public static final ConfigOption<Integer> BINS = ConfigOption.withDefault("drift.binning.bins",
            ValueTypes.integer(MIN_BINS, MAX_BINS), 10, "Bins for binned tests on numeric features.");
    public static final ConfigOption<BinningStrategy> STRATEGY = ConfigOption.withDefault("drift.binning.strategy",
            ValueTypes.keyword(BinningStrategy.values(), BinningStrategy::id), BinningStrategy.QUANTILE,
            "Bin edges: `quantile` (equal baseline mass) or `uniform` (equal width over the baseline range).");

    static final List<ConfigOption<?>> OPTIONS = List.of(TESTS, FEATURES, THRESHOLDS, BINS, STRATEGY);

    public DriftConfig {
        Objects.requireNonNull(tests, "tests");
        Objects.requireNonNull(binning, "binning");
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
        thresholds = thresholds.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(thresholds));
    }

    /** The tests to run on {@code feature}. */
    public TestSelection testsFor(String feature) {
        return features.getOrDefault(feature, tests);
    }

    /** The configured threshold of {@code test}, or its default. */
    public double threshold(DriftTestId test) {
        Double configured = thresholds.get(test);
        return configured != null ? configured : test.defaultThreshold();
    }

    static DriftConfig read(ConfigNode drift) {
        int errorsBefore = drift.errorCount();
        TestSelection tests = drift.get(TESTS);
        Map<String, TestSelection> features = drift.get(FEATURES);
        Map<DriftTestId, Double> thresholds = drift.get(THRESHOLDS);
        ConfigNode binning = drift.section("binning");
        Integer bins = binning.get(BINS);
        BinningStrategy strategy = binning.get(STRATEGY);
        return drift.errorCount() > errorsBefore ? null : new DriftConfig(tests, features, thresholds, bins, strategy);
    }

    private static ValueType<Map<String, TestSelection>> featureMap() {
        return new MapType<>("map of feature to tests") {
            @Override
            String readKey(ConfigNode entry, String key) {
                return key;
            }

            @Override
            TestSelection readValue(ConfigNode entry, String key) {
                return TestSelection.read(entry);
            }
        };
    }

    private static ValueType<Map<DriftTestId, Double>> thresholdMap() {
        return new MapType<>("map of test id to number") {
            @Override
            DriftTestId readKey(ConfigNode entry, String key) {
                return ValueTypes.keyword(entry.withJson(TextNode.valueOf(key)), DriftTestId.values(), DriftTestId::id);
            }

            @Override
            Double readValue(ConfigNode entry, String key) {
                DriftTestId test = DriftTestId.fromId(key);
                Double value = ValueTypes.number(entry);
                if (value == null) {
                    return null;
                }
                boolean ok = test.polarity() == Polarity.P_VALUE ? value > 0 && value < 1 : value > 0;
                if (!ok) {
                    entry.error((test.polarity() == Polarity.P_VALUE
                            ? "is a p-value threshold and must be in (0, 1)" : "is a distance threshold and must be > 0")
                            + ", got " + value);
                    return null;
                }
                return value;
            }
        };
    }

    /** A YAML mapping read into a map, key and value checked per entry. */
    private abstract static class MapType<K, V> implements ValueType<Map<K, V>> {
        private final String typeName;

        MapType(String typeName) {
            this.typeName = typeName;
        }

        abstract K readKey(ConfigNode entry, String key);

        abstract V readValue(ConfigNode entry, String key);

        @Override
        public String typeName() {
            return typeName;
        }

        @Override
        public Map<K, V> read(ConfigNode value) {
            JsonNode json = value.json();
            if (!json.isObject()) {
                value.error("must be a mapping, got " + ValueTypes.describe(json));
                return null;
            }
            Map<K, V> map = new LinkedHashMap<>();
            boolean ok = true;
            for (Map.Entry<String, JsonNode> field : json.properties()) {
                ConfigNode entry = value.child(field.getKey(), field.getValue());
                K key = readKey(entry, field.getKey());
                V item = key == null ? null : readValue(entry, field.getKey());
                if (item == null) {
                    ok = false;
                } else {
                    map.put(key, item);
                }
            }
            return ok ? map : null;
        }

        @Override
        public String format(Map<K, V> value) {
            return value.isEmpty() ? "{}" : value.toString();
        }
    }
}
