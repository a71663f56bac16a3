package io.driftwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.dashboards.fixture.FixtureFeature;
import io.driftwatch.dashboards.fixture.LabelFixture;
import io.driftwatch.dashboards.fixture.MonitoringFixture;
import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.schemas.migrate.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import io.driftwatch.app.report.ReportBrowserCheck;

/**
 * {@code driftwatch report} end to end: ClickHouse filled with the {@link MonitoringFixture}, the CLI writes the
 * HTML file, and headless Chromium opens it from disk: every chart paints pixels, nothing logs an error, and a
 * screenshot lands in {@code target/report-screenshot.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCommandITCase {

    private static final Path TARGET = Path.of("target");
    private static final Path REPORT = TARGET.resolve("report-fraud-v2.html");
    private static final Path SCREENSHOT = TARGET.resolve("report-screenshot.png");
    private static final Path README_SHOT = TARGET.resolve("report-screenshot-readme.png");
    /** Pixels from the top that show the header, the drift and alert tables and the calibration charts. */
    private static final int README_HEIGHT = 1410;
    /** Images in docs/ stay small: they are documentation, not assets. */
    private static final long README_MAX_BYTES = 300 * 1024;
    /** Per feature a statistic chart and a reference histogram; latency, reliability diagram, calibration. */
    private static final int CHARTS = MonitoringFixture.FEATURES.size() * 2 + 3;

    private EmbeddedClickHouse clickhouse;
    private CliRun run;

    @BeforeAll
    void writeReport() throws Exception {
        clickhouse = EmbeddedClickHouse.start();
        try (Connection c = clickhouse.openConnection()) {
            Migrator.driftwatch().migrate(c);
            MonitoringFixture.generate().insertInto(c, Migrator.DEFAULT_DATABASE);
            // performance, reliability, change_points, alerts: fixture rows until the label and alerting jobs write them
            MonitoringFixture.labelRows().insertInto(c, Migrator.DEFAULT_DATABASE);
        }
        Files.createDirectories(TARGET);
        run = CliRun.of("report", "--model", MonitoringFixture.DRIFTING_MODEL, "--version", "v2",
                "--from", MonitoringFixture.START.toString(), "--to", MonitoringFixture.end().toString(),
                "-o", REPORT.toString(), "--clickhouse-url", clickhouse.jdbcUrl());
    }

    @AfterAll
    void stop() {
        if (clickhouse != null) {
            clickhouse.close();
        }
    }

    @Test
    void writesTheReportAndSummarises() throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("wrote " + REPORT).contains("drifting in the latest window");
        String html = Files.readString(REPORT);
        assertThat(html).doesNotContainPattern("(src|href)\\s*=\\s*\"?(https?:)?//")
                .contains("Content-Security-Policy").contains("Chart.js v");
        assertThat(html).containsPattern("<tr class=\"drift\"><td>" + MonitoringFixture.DRIFTING_FEATURE
                + "</td><td>psi</td>");
        for (FixtureFeature f : MonitoringFixture.FEATURES) {
            assertThat(html).as(f.name()).contains("<td>" + f.name() + "</td>");
        }
        assertThat(html).as("alert events of the model").contains("<table id=\"alerts-table\">")
                .contains("<td>" + LabelFixture.FEATURE_RULE + "</td>").contains("<td>" + LabelFixture.LATENCY_RULE
                        + "</td>").doesNotContain("No alert events in this range.");
        assertThat(html).as("reliability bins in the chart data").containsPattern("\"reliability\":\\[\\{\"");
    }

    @Test
    void chartsRenderInHeadlessChromiumWithoutErrors() throws Exception {
        Map<String, Integer> painted = ReportBrowserCheck.paintedPixelsPerCanvas(REPORT, TARGET.resolve("chromium-profile"));
        // One statistic chart per feature (PSI is the fixture's distance test), one reference histogram per
        // feature, latency, the reliability diagram and calibration over time.
        assertThat(painted).hasSize(CHARTS).containsKeys("latency-chart", "reliability-chart", "calibration-chart");
        assertThat(painted).allSatisfy((canvas, pixels) -> assertThat(pixels).as(canvas).isPositive());
    }

    @Test
    void dumpedDomShowsEveryChartWasCreated() throws Exception {
        String dom = ReportBrowserCheck.dumpDom(REPORT, TARGET.resolve("chromium-profile-dom"));
        assertThat(dom).contains("data-charts-rendered=\"" + CHARTS + "\"");
    }

    @Test
    void screenshotIsAReadablePicture() throws Exception {
        ReportBrowserCheck.screenshot(REPORT, SCREENSHOT, TARGET.resolve("chromium-profile-shot"));
        BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
        assertThat(image.getWidth()).isEqualTo(ReportBrowserCheck.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ReportBrowserCheck.HEIGHT);
        assertThat(ReportBrowserCheck.distinctColours(image)).as("more than a blank page").isGreaterThan(50);
        // The README picture (docs/images/report.png is copied from it): header, drift and alert tables, calibration.
        ImageIO.write(image.getSubimage(0, 0, image.getWidth(), README_HEIGHT), "png", README_SHOT.toFile());
        assertThat(Files.size(README_SHOT)).as("documentation image budget").isLessThan(README_MAX_BYTES);
    }
}
