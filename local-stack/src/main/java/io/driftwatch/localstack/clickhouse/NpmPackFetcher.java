package io.driftwatch.localstack.clickhouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Fetches libchdb.so with {@code npm pack} (which downloads a package tarball from the registry npm is
 * configured with, without installing anything) and extracts it with {@code tar}.
 */
public final class NpmPackFetcher implements ChdbEngineLocator.EngineFetcher {

    public static final String DEFAULT_NPM_COMMAND = "npm";
    /** Size of the package tarball, for the progress message. */
    static final String TARBALL_SIZE = "178 MB";
    /** Path of the engine inside the package tarball. */
    static final String LIB_IN_TARBALL = "package/" + ChdbEngineLocator.LIB_FILE_NAME;
    /** Generous bound for a 178 MB download on a slow line. */
    static final Duration FETCH_TIMEOUT = Duration.ofMinutes(20);
    static final int OUTPUT_TAIL_LINES = 20;

    private final String npmCommand;

    public NpmPackFetcher(String npmCommand) {
        this.npmCommand = npmCommand;
    }

    @Override
    public Path fetch(Path workDir, Consumer<String> progress) throws IOException {
        progress.accept("Fetching ClickHouse engine (" + TARBALL_SIZE + ", once) with npm pack "
                + ChdbEngineLocator.ENGINE_PACKAGE + " ...");
        run(List.of(npmCommand, "pack", ChdbEngineLocator.ENGINE_PACKAGE), workDir, "npm pack",
                "Install Node.js with npm (e.g. apt-get install npm), or download the package yourself and set "
                        + ChdbEngineLocator.LIB_ENV + " to its " + LIB_IN_TARBALL + ".");
        Path tarball = findTarball(workDir);
        progress.accept("Extracting " + LIB_IN_TARBALL + " from " + tarball.getFileName() + " ...");
        run(List.of("tar", "-xzf", tarball.toString(), "-C", workDir.toString(), LIB_IN_TARBALL), workDir, "tar",
                "Install tar, or extract " + LIB_IN_TARBALL + " yourself and set " + ChdbEngineLocator.LIB_ENV + ".");
        Path lib = workDir.resolve(LIB_IN_TARBALL);
        if (!Files.isRegularFile(lib)) {
            throw new IllegalStateException(tarball + " has no " + LIB_IN_TARBALL + "; set "
                    + ChdbEngineLocator.LIB_ENV + " to a libchdb.so instead.");
        }
        return lib;
    }

    private static Path findTarball(Path workDir) throws IOException {
        try (Stream<Path> files = Files.list(workDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("npm pack produced no .tgz in " + workDir
                            + "; set " + ChdbEngineLocator.LIB_ENV + " to a libchdb.so instead."));
        }
    }

    private static void run(List<String> command, Path workDir, String what, String advice) throws IOException {
        Path output = workDir.resolve(what.replace(' ', '-') + ".log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + " to fetch the ClickHouse engine ("
                    + e.getMessage() + "). " + advice, e);
        }
        try {
            if (!process.waitFor(FETCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + FETCH_TIMEOUT + ". " + advice);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + what, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with status " + process.exitValue()
                    + ". " + advice + " Its output ends with:\n" + tail(output));
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - OUTPUT_TAIL_LINES), lines.size()));
    }
}
