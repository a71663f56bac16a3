package io.driftwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.dashboards.fixture.FixtureFeature;
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

    private EmbeddedClickHouse clickhouse;
    private CliRun run;

    @BeforeAll
    void writeReport() throws Exception {
        clickhouse = EmbeddedClickHouse.start();
        try (Connection c = clickhouse.openConnection()) {
            Migrator.driftwatch().migrate(c);
            MonitoringFixture.generate().insertInto(c, Migrator.DEFAULT_DATABASE);
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
    }

    @Test
    void chartsRenderInHeadlessChromiumWithoutErrors() throws Exception {
        Map<String, Integer> painted = ReportBrowserCheck.paintedPixelsPerCanvas(REPORT, TARGET.resolve("chromium-profile"));
        // One statistic chart per feature (PSI is the fixture's distance test), one reference histogram per
        // feature, one latency chart.
        assertThat(painted).hasSize(MonitoringFixture.FEATURES.size() * 2 + 1);
        assertThat(painted).allSatisfy((canvas, pixels) -> assertThat(pixels).as(canvas).isPositive());
    }

    @Test
    void dumpedDomShowsEveryChartWasCreated() throws Exception {
        String dom = ReportBrowserCheck.dumpDom(REPORT, TARGET.resolve("chromium-profile-dom"));
        assertThat(dom).contains("data-charts-rendered=\"" + (MonitoringFixture.FEATURES.size() * 2 + 1) + "\"");
    }

    @Test
    void screenshotIsAReadablePicture() throws Exception {
        ReportBrowserCheck.screenshot(REPORT, SCREENSHOT, TARGET.resolve("chromium-profile-shot"));
        BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
        assertThat(image.getWidth()).isEqualTo(ReportBrowserCheck.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ReportBrowserCheck.HEIGHT);
        assertThat(ReportBrowserCheck.distinctColours(image)).as("more than a blank page").isGreaterThan(50);
    }
}
