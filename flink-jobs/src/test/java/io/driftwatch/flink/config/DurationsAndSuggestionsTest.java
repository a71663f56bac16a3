package io.driftwatch.flink.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsAndSuggestionsTest {

    @Test
    void parsesEveryUnit() {
        assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
        assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h")).contains(Duration.ofHours(2));
        assertThat(Durations.parse("1d")).contains(Duration.ofDays(1));
        assertThat(Durations.parse("0s")).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "m", "5 m", "-5m", "1.5m", "5min", "PT5M", "5M", "9999999999999s"})
    void rejectsOtherSpellings(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @Test
    void formatsCanonically() {
        assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofHours(48))).isEqualTo("2d");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        for (String text : List.of("250ms", "30s", "5m", "2h", "1d")) {
            assertThat(Durations.format(Durations.parse(text).orElseThrow())).isEqualTo(text);
        }
    }

    @Test
    void suggestsCloseKeysOnly() {
        List<String> keys = List.of("size", "allowed_lateness", "out_of_orderness", "idleness");
        assertThat(Suggestions.closest("sise", keys)).contains("size");
        assertThat(Suggestions.closest("outoforderness", keys)).contains("out_of_orderness");
        assertThat(Suggestions.closest("allowed-lateness", keys)).contains("allowed_lateness");
        assertThat(Suggestions.closest("Idleness", keys)).contains("idleness");
        assertThat(Suggestions.closest("watermark", keys)).isEmpty();
        assertThat(Suggestions.closest("x", List.of())).isEmpty();
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    }
}
