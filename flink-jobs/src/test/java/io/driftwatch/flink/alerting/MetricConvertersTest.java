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
import io.driftwatch.schemas.tables.ChangePointRow;
import io.driftwatch.schemas.tables.PerformanceRow;
import io.driftwatch.schemas.tables.WindowKey;
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

    private static final WindowKey KEY = new WindowKey("fraud", "v3", "country=DE", Instant.ofEpochMilli(START),
            Instant.ofEpochMilli(END));

    @Test
    void performanceRowGivesCalibrationAndPerformance() {
        PerformanceRow row = LabelRows.performance(KEY, 0.12, 600, false, 3, Instant.ofEpochMilli(END + 5_000));
        MetricObservation c = MetricConverters.calibration(row);
        assertThat(c.family()).isEqualTo(MetricFamily.CALIBRATION);
        assertThat(c.series()).isEqualTo(new SeriesKey("fraud", "v3", "country=DE", ""));
        assertThat(c.windowStart()).isEqualTo(Instant.ofEpochMilli(START));
        assertThat(c.windowEnd()).isEqualTo(Instant.ofEpochMilli(END));
        assertThat(c.values()).containsEntry("ece", 0.12).containsEntry("mce", 0.24).containsEntry("brier", 0.2)
                .containsEntry("log_loss", 0.6);
        assertThat(c.value("adaptive_ece")).as("the row's ace").isCloseTo(0.36, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.values().keySet()).containsExactlyInAnyOrderElementsOf(MetricFamily.CALIBRATION.valueNames());

        MetricObservation p = MetricConverters.performance(row);
        assertThat(p.family()).isEqualTo(MetricFamily.PERFORMANCE);
        assertThat(p.values()).containsEntry("roc_auc", 0.8).containsEntry("average_precision", 0.7)
                .containsEntry("precision", 0.65).containsEntry("recall", 0.55).containsEntry("f1", 0.6)
                .containsEntry("accuracy", 0.9).containsEntry("labelled", 600.0).containsEntry("coverage", 0.6);
        assertThat(p.value("mae")).as("binary model: no regression metrics").isNaN();
        assertThat(p.values().keySet()).containsExactlyInAnyOrderElementsOf(MetricFamily.PERFORMANCE.valueNames());
    }

    @Test
    void estimatedRowIsNoDataExceptCoverage() {
        PerformanceRow row = LabelRows.performance(KEY, 0.3, 100, true, 1, Instant.ofEpochMilli(END));
        assertThat(MetricConverters.calibration(row).values().values()).allMatch(v -> v.isNaN());
        MetricObservation p = MetricConverters.performance(row);
        assertThat(p.values()).containsEntry("labelled", 100.0).containsEntry("coverage", 0.1);
        assertThat(p.value("roc_auc")).isNaN();
        assertThat(p.value("accuracy")).isNaN();
    }

    @Test
    void changePointIsAFlaggedInstantOnItsStream() {
        Instant detected = Instant.ofEpochMilli(END + 42);
        ChangePointRow row = new ChangePointRow("fraud", "v3", "", "adwin", "error", detected,
                Instant.ofEpochMilli(START), 812, Double.NaN, Double.NaN, Instant.ofEpochMilli(END + 60_000));
        MetricObservation o = MetricConverters.changePoint(row);
        assertThat(o.family()).isEqualTo(MetricFamily.CHANGE_POINT);
        assertThat(o.series()).isEqualTo(new SeriesKey("fraud", "v3", "", "error"));
        assertThat(o.test()).isEqualTo("adwin");
        assertThat(o.windowStart()).isEqualTo(detected);
        assertThat(o.windowEnd()).isEqualTo(detected.plusMillis(MetricConverters.CHANGE_POINT_WINDOW_MILLIS));
        assertThat(o.drift()).isTrue();
        assertThat(o.value("changes")).isEqualTo(1.0);
        assertThat(o.value("value")).isNaN();
        assertThat(o.values().keySet()).containsExactlyInAnyOrderElementsOf(MetricFamily.CHANGE_POINT.valueNames());
    }

    @Test
    void labelDriftIsFeatureDriftOnTheLabel() {
        FeatureDriftRow label = new FeatureDriftRow(WINDOW, Subject.LABEL, "label", FeatureKind.CATEGORICAL, "psi",
                BaselineKind.TRAINING, "", 0.3, Double.NaN, 0.2, true, 0, 1000, 400, END + 60_000);
        MetricObservation o = MetricConverters.featureDrift(label).orElseThrow();
        assertThat(o.family()).isEqualTo(MetricFamily.FEATURE_DRIFT);
        assertThat(o.series().feature()).isEqualTo("label");
        assertThat(o.test()).isEqualTo("psi");
        assertThat(o.drift()).isTrue();
        assertThat(o.baseline()).isEqualTo("training");
    }
}
