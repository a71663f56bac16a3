package io.driftwatch.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Opens a report file in headless Chromium and reports what a person would see. */
public final class ReportBrowserCheck {

    public static final int WIDTH = 1280;
    public static final int HEIGHT = 2000;
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(60);
    /** Per canvas: how many pixels are not fully transparent. */
    private static final String PAINTED_PIXELS = """
            JSON.stringify(Array.from(document.querySelectorAll('canvas')).map(function (c, i) {
              var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;
              for (var k = 3; k < d.length; k += 4) { if (d[k] !== 0) { n++; } }
              var title = c.id || (c.previousElementSibling ? c.previousElementSibling.textContent : 'canvas ' + i);
              return [title, c.width > 0 && c.height > 0 ? n : 0];
            }))""";

    private ReportBrowserCheck() {
    }

    /**
     * Loads the page over the DevTools protocol, waits for the charts, and returns painted pixels per canvas.
     *
     * @throws AssertionError when the page logged a console error, threw, or violated its CSP
     */
    public static Map<String, Integer> paintedPixelsPerCanvas(Path page, Path profile) throws Exception {
        recreate(profile);
        try (DevToolsPage browser = DevToolsPage.open(profile.toAbsolutePath())) {
            browser.send("Runtime.enable", Map.of());
            browser.send("Log.enable", Map.of());
            browser.send("Page.enable", Map.of());
            browser.send("Page.navigate", Map.of("url", page.toAbsolutePath().toUri().toString()));
            await().atMost(RENDER_TIMEOUT).until(() -> browser.evaluate(
                    "document.readyState === 'complete' && document.body.hasAttribute('data-charts-rendered')")
                    .asBoolean());
            JsonNode canvases = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(browser.evaluate(PAINTED_PIXELS).asText());
            assertThat(browser.errors()).as("console errors, exceptions, CSP violations").isEmpty();
            Map<String, Integer> painted = new LinkedHashMap<>();
            for (JsonNode canvas : canvases) {
                painted.put(canvas.get(0).asText(), canvas.get(1).asInt());
            }
            return painted;
        }
    }

    public static String dumpDom(Path page, Path profile) throws IOException, InterruptedException {
        recreate(profile);
        return HeadlessChromium.dumpDom(page.toAbsolutePath(), profile.toAbsolutePath());
    }

    public static void screenshot(Path page, Path png, Path profile) throws IOException, InterruptedException {
        recreate(profile);
        HeadlessChromium.screenshot(page.toAbsolutePath(), png.toAbsolutePath(), WIDTH, HEIGHT,
                profile.toAbsolutePath());
    }

    /** Distinct RGB colours in the image, sampled on a grid (enough to tell a drawn page from a blank one). */
    public static int distinctColours(BufferedImage image) {
        final int step = 4;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += step) {
            for (int x = 0; x < image.getWidth(); x += step) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    private static void recreate(Path profile) throws IOException {
        if (Files.exists(profile)) {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(profile);
    }
}
