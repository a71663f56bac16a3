package io.driftwatch.flink.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.alerting.eval.MetricObservation;
import io.driftwatch.alerting.eval.SeriesKey;
import io.driftwatch.alerting.rules.MetricFamily;
import io.driftwatch.detectors.profile.FeatureKind;
import io.driftwatch.flink.rows.BaselineKind;
import io.driftwatch.flink.rows.DataQualityRow;
import io.driftwatch.flink.rows.FeatureDriftRow;
import io.driftwatch.flink.rows.LatencyRow;
import io.driftwatch.flink.rows.Subject;
import io.driftwatch.flink.rows.WindowId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each metric row type becomes the observation a rule sees, with every value name of its family. */
class MetricConvertersTest {

    private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    private static final long END = START + 60_000;
    private static final WindowId WINDOW = new WindowId("fraud", "v3", "country=DE", START, END);

    @Test
    void featureAndScoreDriftRows() {
        FeatureDriftRow feature = new FeatureDriftRow(WINDOW, Subject.FEATURE, "amount", FeatureKind.NUMERIC, "ks",
                BaselineKind.TRAINING, "stored:1a2b", 0.31, 0.002, 0.05, true, 0.01, 150, 100, END);
        MetricObservation o = MetricConverters.featureDrift(feature).orElseThrow();
        assertThat(o.family()).isEqualTo(MetricFamily.FEATURE_DRIFT);
        assertThat(o.series()).isEqualTo(new SeriesKey("fraud", "v3", "country=DE", "amount"));
        assertThat(o.test()).isEqualTo("ks");
        assertThat(o.windowStart()).isEqualTo(Instant.ofEpochMilli(START));
        assertThat(o.windowEnd()).isEqualTo(Instant.ofEpochMilli(END));
        assertThat(o.values()).containsEntry("statistic", 0.31).containsEntry("p_value", 0.002)
                .containsEntry("error_bound", 0.01).containsEntry("n_reference", 150.0).containsEntry("n_current", 100.0)
                .containsEntry("threshold", 0.05);
        assertThat(o.values().keySet()).containsAll(MetricFamily.FEATURE_DRIFT.valueNames());
        assertThat(o.drift()).isTrue();
        assertThat(o.baseline()).isEqualTo("training:stored:1a2b");

        FeatureDriftRow score = new FeatureDriftRow(WINDOW, Subject.SCORE, "score", FeatureKind.NUMERIC, "psi",
                BaselineKind.WINDOW, "", 0.4, Double.NaN, 0.2, true, 0, 500, 100, END);
        MetricObservation s = MetricConverters.featureDrift(score).orElseThrow();
        assertThat(s.family()).isEqualTo(MetricFamily.SCORE_DRIFT);
        assertThat(s.value("p_value")).isNaN();
        assertThat(s.baseline()).isEqualTo("window");
    }

    @Test
    void latencyRowHasMeanAndNoDataWhenEmpty() {
        LatencyRow row = new LatencyRow(WINDOW, 4, 100, 5, 60, 20, 40, 50, 58, 60, "", END);
        MetricObservation o = MetricConverters.latency(row);
        assertThat(o.family()).isEqualTo(MetricFamily.LATENCY);
        assertThat(o.series().feature()).isEmpty();
        assertThat(o.values()).containsEntry("p50", 20.0).containsEntry("p90", 40.0).containsEntry("p95", 50.0)
                .containsEntry("p99", 58.0).containsEntry("p999", 60.0).containsEntry("mean", 25.0)
                .containsEntry("max", 60.0).containsEntry("count", 4.0);
        assertThat(o.values().keySet()).containsExactlyInAnyOrderElementsOf(MetricFamily.LATENCY.valueNames());

        MetricObservation empty = MetricConverters.latency(new LatencyRow(WINDOW, 0, 0, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "", END));
        assertThat(empty.value("mean")).isNaN();
        assertThat(empty.value("p99")).isNaN();
        assertThat(empty.value("count")).isZero();
    }

    @Test
    void dataQualityRowBecomesRatesAndNoDataWhenNothingSeen() {
        DataQualityRow row = new DataQualityRow(WINDOW, "amount", 200, 10, 4, 1, 3, 20, 0, 2, END);
        MetricObservation o = MetricConverters.dataQuality(row);
        assertThat(o.family()).isEqualTo(MetricFamily.DATA_QUALITY);
        assertThat(o.series().feature()).isEqualTo("amount");
        assertThat(o.values()).containsEntry("null_rate", 0.05).containsEntry("nan_rate", 0.02)
                .containsEntry("infinite_rate", 0.02).containsEntry("out_of_range_rate", 0.1)
                .containsEntry("unseen_category_rate", 0.0).containsEntry("type_mismatch_rate", 0.01)
                .containsEntry("seen", 200.0);
        assertThat(o.values().keySet()).containsExactlyInAnyOrderElementsOf(MetricFamily.DATA_QUALITY.valueNames());

        MetricObservation none = MetricConverters.dataQuality(new DataQualityRow(WINDOW, "amount", 0, 0, 0, 0, 0, 0, 0, 0, END));
        assertThat(none.value("null_rate")).isNaN();
        assertThat(none.value("seen")).isZero();
    }

    @Test
    void observationRecordRoundTrips() {
        MetricObservation o = MetricConverters.latency(new LatencyRow(WINDOW, 4, 100, 5, 60, 20, 40, 50, 58, 60, "", END));
        assertThat(ObservationRecord.of(o).toObservation()).isEqualTo(o);
    }
}
