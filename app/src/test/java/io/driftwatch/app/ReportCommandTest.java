package io.driftwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad options of {@code driftwatch report} fail with one clear line before any connection is made. */
class ReportCommandTest {

    @Test
    void malformedInstantIsNamed() {
        CliRun run = CliRun.of("report", "--model", "fraud", "--from", "yesterday", "--to", "2026-11-02T00:00:00Z",
                "-o", "target/never.html");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err()).contains("--from 'yesterday' is not an ISO-8601 instant");
    }

    @Test
    void emptyRangeIsRejected() {
        CliRun run = CliRun.of("report", "--model", "fraud", "--from", "2026-11-02T00:00:00Z",
                "--to", "2026-11-01T00:00:00Z", "-o", "target/never.html");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err()).contains("must be before --to");
    }

    @Test
    void helpNamesTheModelVersionOption() {
        CliRun run = CliRun.of("report", "--help");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("--version=<version>").contains("Model version");
    }

    @Test
    void modelIsRequired() {
        CliRun run = CliRun.of("report", "--from", "2026-11-01T00:00:00Z", "--to", "2026-11-02T00:00:00Z",
                "-o", "target/never.html");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--model");
    }
}
