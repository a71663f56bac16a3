package io.driftwatch.flink.labels;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.drift.binned.DivergenceOptions;
import io.driftwatch.detectors.drift.categorical.CategoricalDriftTests;
import io.driftwatch.detectors.performance.ReliabilityBin;
import io.driftwatch.flink.drift.DriftEvaluator;
import io.driftwatch.schemas.migrate.Migrator;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads and checks the label pipeline's ClickHouse tables for {@link LabelPipelineITCase} (all with FINAL). */
final class LabelTables {

    private static final String DATABASE = Migrator.DEFAULT_DATABASE;

    private LabelTables() {}

    static void checkReliability(Statement st, String[] parts, List<ReliabilityBin> bins) throws Exception {
        ResultSet rs = st.getConnection().createStatement().executeQuery("SELECT bin, lower, upper, count, mean_predicted, fraction_positive FROM "
                + DATABASE + ".reliability FINAL WHERE model_id = '" + parts[0] + "' AND segment = '" + parts[1]
                + "' AND window_start = fromUnixTimestamp64Milli(" + parts[2] + ") ORDER BY bin");
        for (int i = 0; i < bins.size(); i++) {
            assertThat(rs.next()).isTrue();
            ReliabilityBin b = bins.get(i);
            assertThat(rs.getInt(1)).isEqualTo(i);
            assertThat(new double[] {rs.getDouble(2), rs.getDouble(3), rs.getLong(4), rs.getDouble(5),
                    rs.getDouble(6)}).containsExactly(b.lower(), b.upper(), b.count(), b.meanPredicted(),
                    b.fractionPositive());
        }
        assertThat(rs.next()).isFalse();
    }

    /** feature_drift rows with subject 'label' equal the categorical tests on the window's final class balance. */
    static void checkLabelDrift(Statement st, String[] parts, Map<String, Long> reference,
                                        Map<String, Long> current, long labelled) throws Exception {
        ResultSet rs = st.getConnection().createStatement().executeQuery("SELECT test, statistic, n_current, "
                + "baseline_kind FROM " + DATABASE + ".feature_drift FINAL WHERE subject = 'label' AND model_id = '"
                + parts[0] + "' AND segment = '" + parts[1] + "' AND window_start = fromUnixTimestamp64Milli("
                + parts[2] + ") ORDER BY test");
        Map<String, Double> statistics = new TreeMap<>();
        while (rs.next()) {
            assertThat(rs.getLong(3)).isEqualTo(labelled);
            assertThat(rs.getString(4)).isEqualTo("training");
            statistics.put(rs.getString(1), rs.getDouble(2));
        }
        Map<String, Double> expected = new TreeMap<>();
        for (DriftTestId test : DriftEvaluator.AUTO_CATEGORICAL) {
            expected.put(test.id(), CategoricalDriftTests.test(test, reference, current, test.defaultThreshold(),
                    DivergenceOptions.DEFAULT).statistic());
        }
        assertThat(statistics).as(String.join("/", parts)).isEqualTo(expected);
    }

    /** numpy's quantile(method='inverted_cdf') of sorted values, written out independently of LabelDelays. */
    static long invertedCdf(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    static List<String> changePoints(Statement st) throws Exception {
        List<String> points = new ArrayList<>();
        ResultSet rs = st.executeQuery("SELECT model_id, segment, toUnixTimestamp64Milli(detected_at), observations FROM "
                + DATABASE + ".change_points FINAL");
        while (rs.next()) {
            points.add(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4));
        }
        points.sort(null);
        return points;
    }

    static Map<String, Long> deadLetterReasons(Statement st, String topic) throws Exception {
        Map<String, Long> reasons = new TreeMap<>();
        ResultSet rs = st.executeQuery("SELECT reason, count() FROM " + DATABASE + ".dead_letters FINAL WHERE "
                + "source_topic = '" + topic + "' GROUP BY reason");
        while (rs.next()) {
            reasons.put(rs.getString(1), rs.getLong(2));
        }
        return reasons;
    }

    static long count(Statement st, String sql) throws Exception {
        ResultSet rs = st.executeQuery(sql);
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
    }
}
