package io.driftwatch.alerting.eval;

import io.driftwatch.alerting.rules.MetricFamily;
import io.driftwatch.alerting.rules.RuleSet;
import io.driftwatch.alerting.rules.RulesParser;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Synthetic metric rows and one-rule rule sets for the evaluator tests. */
final class Rows {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(5);

    private Rows() {
    }

    static Instant start(int window) {
        return T0.plus(WINDOW.multipliedBy(window));
    }

    static MetricObservation latency(String model, int window, double p99) {
        return new MetricObservation(MetricFamily.LATENCY, new SeriesKey(model, "v1", "", ""), "", start(window),
                start(window + 1), Map.of("p99", p99), false, "");
    }

    static MetricObservation drift(String feature, int window, double pValue) {
        return new MetricObservation(MetricFamily.FEATURE_DRIFT, new SeriesKey("fraud", "v3", "", feature), "ks",
                start(window), start(window + 1), Map.of("statistic", 1 - pValue, "p_value", pValue), pValue < 0.05,
                "training:2026-01-01");
    }

    /** A rule set with a webhook notifier {@code hook} and the given rules (YAML list items, indented 2). */
    static RuleSet rules(String rulesYaml) {
        return RulesParser.parse("notifiers:\n  - {name: hook, type: webhook, url: 'http://127.0.0.1:1/h'}\nrules:\n"
                + rulesYaml, "test.yaml");
    }
}
