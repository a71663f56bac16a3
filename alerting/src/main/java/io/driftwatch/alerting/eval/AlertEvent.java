package io.driftwatch.alerting.eval;

import io.driftwatch.alerting.rules.MetricFamily;
import io.driftwatch.alerting.rules.Severity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An alert fired, re-announced or resolved for one (rule, series), with the numbers that caused it.
 *
 * @param dedupKey       stable per (rule, series): {@link DedupKeys#of}
 * @param windowStart    start of the window that caused the event (inclusive)
 * @param windowEnd      end of that window (exclusive); the event's time
 * @param firingSince    end of the window that fired the alert (equal to windowEnd for FIRED)
 * @param condition      the rule's condition, readable, e.g. {@code p99 > 250.0}
 * @param valueName      the value compared ({@code drift_flag} rules: {@code statistic})
 * @param value          that value in the window (NaN when absent)
 * @param threshold      the threshold it was compared with (NaN when absent)
 * @param statistic      the row's statistic, NaN when it has none
 * @param pValue         the row's p-value, NaN when it has none
 * @param adjustedPValue the corrected p-value under a correction, else NaN
 * @param dashboardUrl   the rule's rendered dashboard link, "" when none
 */
public record AlertEvent(EventKind kind, String rule, String description, Severity severity, MetricFamily family,
                         SeriesKey series, String test, String dedupKey, Instant windowStart, Instant windowEnd,
                         Instant firingSince, String condition, String valueName, double value, double threshold,
                         double statistic, double pValue, double adjustedPValue, String baseline,
                         Map<String, String> labels, String runbookUrl, String dashboardUrl, List<String> routes) {

    public AlertEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        Objects.requireNonNull(firingSince, "firingSince");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(valueName, "valueName");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(runbookUrl, "runbookUrl");
        Objects.requireNonNull(dashboardUrl, "dashboardUrl");
        labels = Map.copyOf(labels);
        routes = List.copyOf(routes);
    }

    private static final java.math.MathContext SIGNIFICANT = new java.math.MathContext(6);
    /** Numbers in [1e-6, 1e15) print without an exponent. */
    private static final double PLAIN_MIN = 1e-6;
    private static final double PLAIN_MAX = 1e15;

    /**
     * One line for titles and PagerDuty's summary, e.g.
     * {@code [FIRING] feature-drift-ks fraud/v3 feature=amount: p_value=0.0012 (p_value <= 0.01)}.
     */
    public String summary() {
        String status = kind == EventKind.RESOLVED ? "RESOLVED" : "FIRING";
        return "[" + status + "] " + rule + " " + series.describe() + ": " + valueName + "=" + format(value)
                + " (" + condition + ")";
    }

    /** Numbers as people read them: up to 6 significant digits, "n/a" for NaN. */
    public static String format(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        java.math.BigDecimal rounded = new java.math.BigDecimal(x).round(SIGNIFICANT).stripTrailingZeros();
        double magnitude = Math.abs(x);
        return magnitude == 0 || (magnitude >= PLAIN_MIN && magnitude < PLAIN_MAX) ? rounded.toPlainString()
                : rounded.toString();
    }
}
