package io.driftwatch.flink.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.schemas.tables.PerformanceRow;
import java.io.InputStream;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Delay quantiles against numpy's quantile(method='inverted_cdf') (src/test/python/gen_label_delays.py), exactly. */
class LabelDelaysTest {

    @Test
    void quantilesEqualNumpysInvertedCdf() throws Exception {
        JsonNode reference;
        try (InputStream in = getClass().getResourceAsStream("/reference/label_delays.json")) {
            reference = new ObjectMapper().readTree(in);
        }
        assertThat(reference.get("cases")).hasSizeGreaterThan(5);
        for (JsonNode c : reference.get("cases")) {
            TreeMap<Long, Long> counts = new TreeMap<>();
            c.get("delays_ms").forEach(d -> counts.merge(d.asLong(), 1L, Long::sum));
            PerformanceRow.Delays delays = LabelDelays.of(counts);
            JsonNode q = c.get("quantiles_s");
            String what = c.get("delays_ms").size() + " delays";
            assertThat(new double[] {delays.p50(), delays.p90(), delays.p99(), delays.max()}).as(what)
                    .containsExactly(q.get(0).asDouble(), q.get(1).asDouble(), q.get(2).asDouble(),
                            c.get("max_s").asDouble());
        }
    }

    @Test
    void noDelaysAreNaNAndBadQuantilesAreRefused() {
        assertThat(LabelDelays.of(new TreeMap<>())).isEqualTo(PerformanceRow.Delays.NONE);
        TreeMap<Long, Long> one = new TreeMap<>();
        one.put(1500L, 3L);
        assertThat(LabelDelays.of(one)).isEqualTo(new PerformanceRow.Delays(1.5, 1.5, 1.5, 1.5));
        assertThatThrownBy(() -> LabelDelays.quantile(one, 3, 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantile");
    }
}
