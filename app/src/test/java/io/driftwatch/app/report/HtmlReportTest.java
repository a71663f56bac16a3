package io.driftwatch.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.app.report.ReportData.AlertEvent;
import io.driftwatch.app.report.ReportData.CalibrationSeries;
import io.driftwatch.app.report.ReportData.DriftSummary;
import io.driftwatch.app.report.ReportData.LabelData;
import io.driftwatch.app.report.ReportData.ReliabilityBin;
import io.driftwatch.app.report.ReportData.LatencySeries;
import io.driftwatch.app.report.ReportData.QualityRates;
import io.driftwatch.app.report.ReportData.ReferenceHistogram;
import io.driftwatch.app.report.ReportData.StatisticSeries;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ProfileCodec;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.detectors.profile.CategoricalProfile;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-02T00:00:00Z");
    private static final String HOSTILE = "<script>alert('x')</script>";

    private static ReportData data(String feature) {
        ReportRequest request = new ReportRequest("fraud", Optional.of("v1"), "", FROM, TO);
        return new ReportData(request, 1234,
                List.of(new DriftSummary(feature, "psi", FROM, 0.31, Double.NaN, 0.1, true, 3, 24),
                        new DriftSummary("age", "ks", FROM, 0.02, 0.4, 0.05, false, 0, 24)),
                List.of(new StatisticSeries(feature, "psi", List.of(FROM, FROM.plusSeconds(3600)), List.of(0.1, 0.3),
                        List.of(0.1, 0.1))),
                List.of(new ReferenceHistogram(feature, "v1", List.of("a", "b"), List.of(3L, 4L))),
                new LatencySeries(List.of(FROM), List.of(10.0), List.of(20.0), List.of(30.0)),
                List.of(new QualityRates(feature, 100, 0.01, 0, 0, 0.02, 0, 0)),
                new LabelData(List.of(new ReliabilityBin(0, 0, 0.1, 40, 0.05, 0.07)),
                        new CalibrationSeries(List.of(FROM, FROM.plusSeconds(3600)), List.of(0.9, 0.1),
                                java.util.Arrays.asList(0.02, null), List.of(0.06, 0.07), List.of(0.9, 0.88)),
                        List.of(new AlertEvent(FROM.plusSeconds(3600), "fired", "critical", feature + "-rule", "v1",
                                feature, "feature_drift", "statistic", 0.31, 0.2, "psi 0.31 > 0.2",
                                "https://runbooks.example.org/" + feature))));
    }

    @Test
    void textFromClickHouseIsEscapedInTablesAndChartData() {
        HtmlReport report = new HtmlReport();
        String html = report.render(data(HOSTILE), TO);
        assertThat(html).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(report.chartData(data(HOSTILE))).doesNotContain("<").contains("\\u003cscript>");
    }

    @Test
    void isSelfContained() {
        String html = new HtmlReport().render(data("amount"), TO);
        assertThat(html).doesNotContainPattern("(src|href)\\s*=\\s*\"?(https?:)?//")
                .contains("default-src 'none'").contains("Chart.js v").contains("data-charts-rendered");
        assertThat(html).contains("<tr class=\"drift\"><td>amount</td><td>psi</td>")
                .contains("<td>age</td><td>ks</td>").contains("1,234 predictions").contains("version v1");
        assertThat(html).contains("<canvas id=\"reliability-chart\">").contains("<canvas id=\"calibration-chart\">")
                .containsPattern("<tr class=\"firing\"><td>[^<]+</td><td>fired</td><td>critical</td><td>amount-rule</td>")
                .contains("<code>https://runbooks.example.org/amount</code>");
    }

    @Test
    void windowsWithoutLabelsAreChartGapsNotNaN() {
        String json = new HtmlReport().chartData(data("amount"));
        assertThat(json).contains("\"ece\":[0.02,null]").contains("\"reliability\":[{").doesNotContain("NaN");
    }

    @Test
    void emptyDataSaysSoInsteadOfEmptyTables() {
        ReportRequest request = new ReportRequest("fraud", Optional.empty(), "country=DE", FROM, TO);
        String html = new HtmlReport().render(new ReportData(request, 0, List.of(), List.of(), List.of(),
                new LatencySeries(List.of(), List.of(), List.of(), List.of()), List.of(), LabelData.NONE), TO);
        assertThat(html).contains("No drift results in this range.").contains("No data-quality counts")
                .contains("No alert events in this range.")
                .contains("all versions").contains("segment country=DE");
    }

    @Test
    void requestRejectsBadInput() {
        assertThatThrownBy(() -> new ReportRequest(" ", Optional.empty(), "", FROM, TO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--model");
        assertThatThrownBy(() -> new ReportRequest("m", Optional.of(""), "", FROM, TO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--version");
        assertThatThrownBy(() -> new ReportRequest("m", Optional.empty(), "", TO, FROM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--from");
        assertThatThrownBy(() -> new ReportLoader("driftwatch; DROP TABLE x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database name");
    }

    @Test
    void histogramOfANumericProfileLabelsBinsByTheirEdges() {
        NumericProfile numeric = NumericProfile.fromReference(new double[]{1, 2, 3, 4, 5, 6, 7, 8},
                new io.driftwatch.detectors.profile.Binning.Explicit(new double[]{Double.NEGATIVE_INFINITY, 2.5, 5.5,
                        Double.POSITIVE_INFINITY}));
        ReferenceHistogram h = new ReportLoader("driftwatch").histogram("x", "v1",
                ProfileCodec.toJson(new ReferenceProfile("x", numeric)));
        assertThat(h.labels()).containsExactly("[−∞, 2.5)", "[2.5, 5.5)", "[5.5, ∞)");
        assertThat(h.counts()).containsExactly(2L, 3L, 3L);
    }

    @Test
    void histogramOfACategoricalProfileListsCategories() {
        ReferenceHistogram h = new ReportLoader("driftwatch").histogram("device", "v1", ProfileCodec.toJson(
                new ReferenceProfile("device", CategoricalProfile.of(Map.of("web", 2L, "ios", 5L)))));
        assertThat(h.labels()).containsExactly("ios", "web");
        assertThat(h.counts()).containsExactly(5L, 2L);
    }
}
