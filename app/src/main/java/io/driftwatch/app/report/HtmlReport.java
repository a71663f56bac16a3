package io.driftwatch.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.app.report.ReportData.AlertEvent;
import io.driftwatch.app.report.ReportData.CalibrationSeries;
import io.driftwatch.app.report.ReportData.DriftSummary;
import io.driftwatch.app.report.ReportData.QualityRates;
import io.driftwatch.dashboards.report.ChartJsBundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@link ReportData} as one self-contained HTML file: tables rendered here (HTML-escaped), charts drawn in
 * the browser by the inlined Chart.js from the report's data embedded as JSON. A Content-Security-Policy
 * forbids every network fetch, so the file opens offline and cannot phone home.
 */
public final class HtmlReport {

    private static final DateTimeFormatter TITLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter AXIS_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    /** p-values below this are printed in scientific notation. */
    private static final double SMALL_P_VALUE = 1e-3;
    private static final String RENDER_SCRIPT = "report.js";
    private static final String STYLE = "report.css";

    private final ObjectMapper json = new ObjectMapper();

    public String render(ReportData data, Instant generatedAt) {
        ReportRequest r = data.request();
        String title = "Drift report: " + r.modelId() + r.version().map(v -> " " + v).orElse("");
        StringBuilder html = new StringBuilder(ChartJsBundle.script().length() + 64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(resource(STYLE))
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(escape(title)).append("</h1>\n<p>")
                .append(escape(r.version().map(v -> "version " + v).orElse("all versions"))).append(" · ")
                .append(escape(r.segment().isEmpty() ? "all traffic" : "segment " + r.segment())).append(" · ")
                .append(TITLE_TIME.format(r.from())).append(" – ").append(TITLE_TIME.format(r.to())).append(" · ")
                .append(String.format(Locale.ROOT, "%,d", data.predictions())).append(" predictions · generated ")
                .append(TITLE_TIME.format(generatedAt)).append("</p>\n</header>\n");
        driftTable(html, data.drift());
        alertsTable(html, data.labels().alerts());
        html.append("<section>\n<h2>Calibration and performance</h2>\n<p class=\"note\">Left: reliability diagram ")
                .append("over the range (mean predicted score against the observed positive rate per score bin, ")
                .append("weighted by labelled predictions; a calibrated model follows the diagonal). Right: per ")
                .append("prediction-time window, ECE, Brier score and ROC AUC, and label coverage (dashed, right axis): ")
                .append("labels arrive late, so recent windows rest on fewer of them.</p>\n<div class=\"grid\">")
                .append("<div class=\"chart\"><h3>Reliability diagram</h3><canvas id=\"reliability-chart\"></canvas>")
                .append("</div><div class=\"chart\"><h3>Calibration, ranking and coverage</h3>")
                .append("<canvas id=\"calibration-chart\"></canvas></div></div>\n</section>\n");
        html.append("<section>\n<h2>Drift statistic over time</h2>\n<p class=\"note\">Distance tests (PSI, Jensen-")
                .append("Shannon, ...) per feature against their threshold; a window drifts above it. Tests decided ")
                .append("on a p-value are in the table above.</p>\n<div class=\"grid\" id=\"statistic-charts\"></div>\n")
                .append("</section>\n<section>\n<h2>Reference distributions</h2>\n<p class=\"note\">Histograms of the ")
                .append("training baselines (bins or categories). The pipeline does not store current-window bin ")
                .append("counts, so the current side is shown as the drift statistic above, not as a histogram.")
                .append("</p>\n<div class=\"grid\" id=\"reference-charts\"></div>\n</section>\n<section>\n")
                .append("<h2>Latency</h2>\n<p class=\"note\">Window quantiles in milliseconds (within 1 % relative ")
                .append("error); the worst version per window.</p>\n<div class=\"wide\"><canvas id=\"latency-chart\">")
                .append("</canvas></div>\n</section>\n");
        qualityTable(html, data.quality());
        html.append("<footer>Driftwatch. Charts drawn with Chart.js ").append(escape(ChartJsBundle.version()))
                .append(" (MIT licence, embedded in this file).</footer>\n")
                .append("<script type=\"application/json\" id=\"report-data\">").append(chartData(data))
                .append("</script>\n<script>\n").append(ChartJsBundle.script()).append("\n</script>\n<script>\n")
                .append(resource(RENDER_SCRIPT)).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void driftTable(StringBuilder html, List<DriftSummary> rows) {
        html.append("<section>\n<h2>Drift per feature and test</h2>\n<table id=\"drift-table\">\n<thead><tr>")
                .append("<th>Feature</th><th>Test</th><th>Latest window</th><th>Statistic</th><th>p-value</th>")
                .append("<th>Threshold</th><th>Drift</th><th>Drifting windows</th></tr></thead>\n<tbody>\n");
        for (DriftSummary d : rows) {
            html.append("<tr").append(d.drift() ? " class=\"drift\"" : "").append("><td>").append(escape(d.feature()))
                    .append("</td><td>").append(escape(d.test())).append("</td><td>")
                    .append(TITLE_TIME.format(d.latestWindow())).append("</td><td>").append(number(d.statistic()))
                    .append("</td><td>").append(Double.isNaN(d.pValue()) ? "–" : pValue(d.pValue())).append("</td><td>")
                    .append(number(d.threshold())).append("</td><td>").append(d.drift() ? "yes" : "no")
                    .append("</td><td>").append(d.driftingWindows()).append(" / ").append(d.windows())
                    .append("</td></tr>\n");
        }
        if (rows.isEmpty()) {
            html.append("<tr><td colspan=\"8\">No drift results in this range.</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void alertsTable(StringBuilder html, List<AlertEvent> rows) {
        html.append("<section>\n<h2>Alerts</h2>\n<table id=\"alerts-table\">\n<thead><tr><th>Window end</th>")
                .append("<th>Event</th><th>Severity</th><th>Rule</th><th>Version</th><th>Feature</th><th>Value</th>")
                .append("<th>Threshold</th><th>Summary</th><th>Runbook</th></tr></thead>\n<tbody>\n");
        for (AlertEvent a : rows) {
            boolean open = !a.kind().equals("resolved");
            html.append("<tr").append(open ? " class=\"firing\"" : "").append("><td>")
                    .append(TITLE_TIME.format(a.windowEnd())).append("</td><td>").append(escape(a.kind()))
                    .append("</td><td>").append(escape(a.severity())).append("</td><td>").append(escape(a.rule()))
                    .append("</td><td>").append(escape(a.modelVersion())).append("</td><td>")
                    .append(escape(a.feature().isEmpty() ? "–" : a.feature())).append("</td><td>")
                    .append(escape(a.valueName())).append(' ').append(number(a.value())).append("</td><td>")
                    .append(number(a.threshold())).append("</td><td>").append(escape(a.summary()))
                    // The runbook as text, not a link: the file must not point at the network.
                    .append("</td><td><code>").append(escape(a.runbookUrl())).append("</code></td></tr>\n");
        }
        if (rows.isEmpty()) {
            html.append("<tr><td colspan=\"10\">No alert events in this range.</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void qualityTable(StringBuilder html, List<QualityRates> rows) {
        html.append("<section>\n<h2>Data quality</h2>\n<table id=\"quality-table\">\n<thead><tr><th>Feature</th>")
                .append("<th>Observations</th><th>Null</th><th>NaN</th><th>Infinite</th><th>Out of range</th>")
                .append("<th>Unseen category</th><th>Type mismatch</th></tr></thead>\n<tbody>\n");
        for (QualityRates q : rows) {
            html.append("<tr><td>").append(escape(q.feature())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,d", q.observations())).append("</td>");
            for (double rate : new double[]{q.nullRate(), q.nanRate(), q.infiniteRate(), q.outOfRangeRate(),
                    q.unseenCategoryRate(), q.typeMismatchRate()}) {
                html.append("<td>").append(String.format(Locale.ROOT, "%.2f %%", rate * 100)).append("</td>");
            }
            html.append("</tr>\n");
        }
        if (rows.isEmpty()) {
            html.append("<tr><td colspan=\"8\">No data-quality counts in this range.</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    /** The chart data as JSON that is safe inside a script element ({@code <} escaped). */
    String chartData(ReportData data) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("statistics", data.statistics().stream().map(s -> Map.of("title", s.feature() + " · " + s.test(),
                "test", s.test(), "labels", labels(s.windows()), "statistic", s.statistic(),
                "threshold", s.threshold())).toList());
        root.put("references", data.references().stream().map(h -> Map.of("title", h.feature() + " · baseline "
                + h.modelVersion(), "labels", h.labels(), "counts", h.counts())).toList());
        root.put("latency", Map.of("labels", labels(data.latency().windows()), "p50", data.latency().p50(),
                "p95", data.latency().p95(), "p99", data.latency().p99()));
        root.put("reliability", data.labels().reliability().stream().map(b -> Map.of("x", b.meanPredicted(),
                "y", b.fractionPositive(), "labelled", b.labelled())).toList());
        CalibrationSeries c = data.labels().calibration();
        Map<String, Object> calibration = new LinkedHashMap<>();
        calibration.put("labels", labels(c.windows()));
        calibration.put("coverage", c.coverage());
        calibration.put("ece", c.ece());
        calibration.put("brier", c.brier());
        calibration.put("rocAuc", c.rocAuc());
        root.put("calibration", calibration);
        try {
            return json.writeValueAsString(root).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the report data", e);
        }
    }

    private static List<String> labels(List<Instant> windows) {
        return windows.stream().map(AXIS_TIME::format).toList();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static String pValue(double p) {
        return p < SMALL_P_VALUE ? String.format(Locale.ROOT, "%.2e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HtmlReport.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
