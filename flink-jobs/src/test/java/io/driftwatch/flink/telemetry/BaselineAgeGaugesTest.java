package io.driftwatch.flink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

class BaselineAgeGaugesTest {

    /** Records gauges under their key-value path, e.g. {@code model=m/version=v1/segment=*}. */
    private static final class Recording extends UnregisteredMetricsGroup {
        private final String path;
        private final Map<String, Gauge<?>> gauges;

        Recording(String path, Map<String, Gauge<?>> gauges) {
            this.path = path;
            this.gauges = gauges;
        }

        @Override
        public MetricGroup addGroup(String key, String value) {
            return new Recording(path + (path.isEmpty() ? "" : "/") + key + "=" + value, gauges);
        }

        @Override
        public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
            gauges.put(path + "/" + name, gauge);
            return gauge;
        }
    }

    @Test
    void ageIsSecondsSinceCreationPerScopeFollowingTheLatestBaseline() {
        Map<String, Gauge<?>> gauges = new TreeMap<>();
        AtomicLong now = new AtomicLong(100_000);
        BaselineAgeGauges ages = new BaselineAgeGauges(new Recording("", gauges), now::get);
        ages.inUse("m", "v1", "", 40_000L);
        ages.inUse("m", "v1", "country=DE", 90_000L);
        ages.inUse("m", "v1", "", 40_000L);
        ages.inUse("m", "v2", "", null);

        List<String> names = new ArrayList<>(gauges.keySet());
        assertThat(names).containsExactly("model=m/version=v1/segment=*/baseline_age_seconds",
                "model=m/version=v1/segment=country=DE/baseline_age_seconds");
        Gauge<?> wide = gauges.get(names.get(0));
        assertThat(wide.getValue()).isEqualTo(60.0);
        assertThat(gauges.get(names.get(1)).getValue()).isEqualTo(10.0);

        now.set(130_000);
        assertThat(wide.getValue()).as("ages with the clock").isEqualTo(90.0);
        ages.inUse("m", "v1", "", 125_000L);
        assertThat(wide.getValue()).as("a newer baseline resets it").isEqualTo(5.0);
        assertThat(gauges).as("no second gauge for the same scope").hasSize(2);
    }
}
