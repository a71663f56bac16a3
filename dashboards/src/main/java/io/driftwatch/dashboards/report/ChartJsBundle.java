package io.driftwatch.dashboards.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Chart.js's UMD build (MIT licence), which the build puts into this jar (scripts/fetch-chartjs.sh), for
 * inlining into self-contained HTML reports.
 */
public final class ChartJsBundle {

    private static final String FOLDER = "io/driftwatch/dashboards/report/";

    private ChartJsBundle() {
    }

    /** The minified script, to inline in a {@code <script>} element. */
    public static String script() {
        return read("chart.umd.min.js");
    }

    /** Chart.js's version, e.g. {@code 4.6.1}. */
    public static String version() {
        return read("chart.js-version.txt").strip();
    }

    /** Chart.js's licence text. */
    public static String licence() {
        return read("chart.js-LICENSE.md");
    }

    private static String read(String name) {
        try (InputStream in = ChartJsBundle.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + name + " is not on the classpath; the dashboards build puts it"
                        + " there with scripts/fetch-chartjs.sh (needs npm)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
