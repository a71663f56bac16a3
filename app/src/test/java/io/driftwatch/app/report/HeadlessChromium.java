package io.driftwatch.app.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium, headless, for looking at generated HTML as a person would. {@link #locate()} installs it
 * with apt-get when it is missing and the tests run as root, and otherwise fails with what to do.
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
    /** Flags that keep a headless run self-contained: no sandbox (containers), no GPU, no background traffic. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--mute-audio", "--hide-scrollbars");

    private HeadlessChromium() {
    }

    static Path locate() throws IOException, InterruptedException {
        if (Files.isExecutable(BINARY)) {
            return BINARY;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("Chromium is missing at " + BINARY + " and the tests do not run as root:"
                    + " install it first (apt-get install -y chromium)");
        }
        run(List.of("apt-get", "install", "-y", "-q", "chromium"), INSTALL_TIMEOUT);
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("apt-get install chromium did not provide " + BINARY);
        }
        return BINARY;
    }

    /** The command line of a headless run with a fresh profile in {@code profile}, then {@code extra} arguments. */
    static List<String> command(Path profile, List<String> extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(locate().toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.addAll(extra);
        return command;
    }

    /** Screenshot of {@code page} at the given window size. */
    static void screenshot(Path page, Path png, int width, int height, Path profile) throws IOException,
            InterruptedException {
        Files.deleteIfExists(png);
        run(command(profile, List.of("--screenshot=" + png, "--window-size=" + width + "," + height,
                "--virtual-time-budget=5000", page.toUri().toString())), RUN_TIMEOUT);
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("Chromium wrote no screenshot to " + png);
        }
    }

    /** The DOM after scripts ran ({@code --dump-dom}). */
    static String dumpDom(Path page, Path profile) throws IOException, InterruptedException {
        return run(command(profile, List.of("--dump-dom", "--virtual-time-budget=5000", page.toUri().toString())),
                RUN_TIMEOUT);
    }

    /** Runs a command to completion; its stdout. @throws IllegalStateException on a non-zero exit or timeout */
    static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Path out = Files.createTempFile("chromium-out", ".txt");
        Path err = Files.createTempFile("chromium-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
