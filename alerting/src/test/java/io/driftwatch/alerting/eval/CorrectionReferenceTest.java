package io.driftwatch.alerting.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.alerting.rules.MetricFamily;
import io.driftwatch.alerting.rules.Rule;
import io.driftwatch.alerting.rules.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The batch correction step against statsmodels' multipletests: reference/alert_correction.json, written by
 * src/test/python/gen_alert_correction.py. Adjusted p-values agree within 1e-12 absolute; reject decisions
 * exactly. With for: 1 and resolve_after: 1, a series fires exactly in the windows where it is rejected.
 */
class CorrectionReferenceTest {

    private static final double TOLERANCE = 1e-12;

    private static JsonNode reference() throws IOException {
        try (InputStream in = CorrectionReferenceTest.class.getClassLoader()
                .getResourceAsStream("reference/alert_correction.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static MetricObservation row(int series, int window, double p) {
        return new MetricObservation(MetricFamily.FEATURE_DRIFT, new SeriesKey("m", "v", "", "f" + series), "ks",
                Rows.start(window), Rows.start(window + 1), Map.of("p_value", p, "statistic", 0.5), false, "");
    }

    @ParameterizedTest
    @CsvSource({"bonferroni,bonferroni", "benjamini_hochberg,fdr_bh"})
    void matchesStatsmodels(String correction, String method) throws IOException {
        JsonNode ref = reference();
        RuleSet rules = Rows.rules("""
                  - name: corrected
                    selector: {metric: feature_drift}
                    condition: {value: p_value, op: "<=", threshold: %s}
                    correction: %s
                    severity: warning
                    routes: [hook]
                """.formatted(ref.get("alpha").asText(), correction));
        Rule rule = rules.rules().get(0);
        Evaluator evaluator = new Evaluator(rules);
        int windows = ref.get("windows").size();
        for (int w = 0; w < windows; w++) {
            JsonNode window = ref.get("windows").get(w);
            List<MetricObservation> rows = new ArrayList<>();
            for (int i = 0; i < window.get("p_values").size(); i++) {
                rows.add(row(i, w, window.get("p_values").get(i).asDouble()));
            }
            List<SeriesVerdict> verdicts = WindowJudge.judge(rule, rows);
            JsonNode expected = window.get(method);
            for (int i = 0; i < verdicts.size(); i++) {
                assertThat(verdicts.get(i).adjustedPValue()).as("window %d series %d", w, i)
                        .isCloseTo(expected.get("adjusted").get(i).asDouble(), within(TOLERANCE));
                assertThat(verdicts.get(i).verdict()).as("window %d series %d", w, i)
                        .isEqualTo(expected.get("reject").get(i).asBoolean() ? Verdict.BREACH : Verdict.CLEAN);
            }

            List<String> firingAfter = new ArrayList<>();
            for (AlertEvent e : evaluator.evaluate(rows)) {
                assertThat(e.adjustedPValue()).isFinite();
                assertThat(e.threshold()).isEqualTo(ref.get("alpha").asDouble());
                if (e.kind() == EventKind.FIRED) {
                    firingAfter.add(e.series().feature());
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                AlertPhase phase = evaluator.state(new Evaluator.StateKey("corrected", rows.get(i).series())).phase();
                assertThat(phase == AlertPhase.FIRING).as("window %d series %d firing", w, i)
                        .isEqualTo(expected.get("reject").get(i).asBoolean());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"bonferroni", "benjamini_hochberg"})
    void seriesWithoutAPValueAreNoDataAndNotCounted(String correction) {
        RuleSet rules = Rows.rules("""
                  - name: corrected
                    selector: {metric: feature_drift}
                    condition: {value: p_value, op: "<", threshold: 0.05}
                    correction: %s
                    severity: warning
                    routes: [hook]
                """.formatted(correction));
        // m = 2 (the NaN row is left out): 0.02 * 2 = 0.04 <= 0.05 under both procedures
        List<SeriesVerdict> verdicts = WindowJudge.judge(rules.rules().get(0),
                List.of(row(0, 0, 0.02), row(1, 0, Double.NaN), row(2, 0, 0.9)));
        assertThat(verdicts).extracting(SeriesVerdict::verdict)
                .containsExactly(Verdict.BREACH, Verdict.NO_DATA, Verdict.CLEAN);
        assertThat(verdicts.get(0).adjustedPValue()).isCloseTo(0.04, within(TOLERANCE));
        assertThat(WindowJudge.judge(rules.rules().get(0), List.of())).isEmpty();
    }
}
