package io.driftwatch.flink.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RawPredictionsConfigTest {

    private static final String BASE = "kafka:\n  bootstrap_servers: k:9092\nclickhouse:\n  url: jdbc:clickhouse://c:8123\n";
    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void offUnlessConfigured() {
        RawPredictionsConfig raw = loader.parse(BASE, "t").rawPredictions();
        assertThat(raw.enabled()).isFalse();
        assertThat(raw.rateFor("any")).isZero();
    }

    @Test
    void modelEntriesOverrideTheDefaultAndInheritIt() {
        RawPredictionsConfig raw = loader.parse(BASE + "raw_predictions:\n  default:\n    sample_rate: 0.01\n"
                + "  fraud:\n    sample_rate: 0.5\n  credit: {}\n", "t").rawPredictions();
        assertThat(raw.enabled()).isTrue();
        assertThat(raw.rateFor("fraud")).isEqualTo(0.5);
        assertThat(raw.rateFor("credit")).as("inherits default").isEqualTo(0.01);
        assertThat(raw.rateFor("other")).isEqualTo(0.01);
    }

    @Test
    void oneModelAloneEnablesSampling() {
        RawPredictionsConfig raw = loader.parse(BASE + "raw_predictions:\n  fraud:\n    sample_rate: 1\n", "t")
                .rawPredictions();
        assertThat(raw.enabled()).isTrue();
        assertThat(raw.rateFor("credit")).isZero();
    }

    @Test
    void ratesOutsideTheUnitIntervalOrNotNumbersAreErrorsWithTheirPath() {
        assertThatThrownBy(() -> loader.parse(BASE + "raw_predictions:\n  fraud:\n    sample_rate: 1.5\n", "t"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("raw_predictions.fraud.sample_rate")
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> loader.parse(BASE + "raw_predictions:\n  default:\n    sample_rate: lots\n", "t"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("raw_predictions.default.sample_rate")
                .hasMessageContaining("number");
        assertThatThrownBy(() -> loader.parse(BASE + "raw_predictions:\n  default:\n    rate: 0.1\n", "t"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sample_rate");
        assertThatThrownBy(() -> new RawPredictionsConfig(0.0, Map.of("m", -0.1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("raw_predictions.m.sample_rate");
    }
}
