package io.driftwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code driftwatch baseline} fails with one line before any connection is attempted (the
 * default ClickHouse URL points at nothing here, so reaching it would fail differently).
 */
class BaselineCommandTest {

    @TempDir
    Path dir;

    private Path csv(String content) throws IOException {
        Path file = dir.resolve("train.csv");
        Files.writeString(file, content);
        return file;
    }

    private static CliRun baseline(Path input, String... extra) {
        String[] base = {"baseline", "--model", "m", "--version", "v1", "--input", input.toString(),
                "--clickhouse-url", "jdbc:clickhouse://127.0.0.1:1"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.of(args);
    }

    private static void assertOneLineError(CliRun run, String... fragments) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err()).startsWith("driftwatch baseline: ").hasLineCount(1).doesNotContain("Exception");
        for (String f : fragments) {
            assertThat(run.err()).contains(f);
        }
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownExcludedOrCategoricalColumnIsNamed() throws IOException {
        Path input = csv("a,b\n1,x\n2,y\n");
        assertOneLineError(baseline(input, "--exclude", "label"), "--exclude names 'label'", "columns: a, b");
        assertOneLineError(baseline(input, "--categorical", "c"), "--categorical names 'c'");
    }

    @Test
    void conflictingOrEmptyColumnSelectionIsRejected() throws IOException {
        Path input = csv("a,b\n1,x\n2,y\n");
        assertOneLineError(baseline(input, "--exclude", "a", "--categorical", "a"), "both --categorical and --exclude");
        assertOneLineError(baseline(input, "--exclude", "a,b"), "leaves no column");
    }

    @Test
    void columnWithoutValuesOrRowsIsRejected() throws IOException {
        assertOneLineError(baseline(csv("a,b\n1,\n2,\n")), "column 'b' has no values");
        assertOneLineError(baseline(csv("a,b\n")), "no data rows");
    }

    @Test
    void nonFiniteNumberNamesColumnAndLine() throws IOException {
        assertOneLineError(baseline(csv("a\n1\nNaN\n3\n")), "column 'a', line 3", "not a finite number");
    }

    @Test
    void missingFileIsNamed() {
        assertOneLineError(baseline(dir.resolve("absent.csv")), "absent.csv: no such file");
    }

    @Test
    void unreachableClickHouseIsOneLineAfterProfiling() throws IOException {
        CliRun run = baseline(csv("a\n1\n2\n"));
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err()).startsWith("driftwatch baseline: ").hasLineCount(1).contains("m@v1");
    }

    @Test
    void versionOptionIsTheModelVersionNotTheCliVersion() {
        CliRun run = CliRun.of("baseline", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--version=VERSION").contains("Model version.");
    }
}
