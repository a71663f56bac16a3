package io.driftwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {

    @Test
    void theShippedExampleIsValid(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.yaml");
        try (InputStream example = getClass().getResourceAsStream("/rules-example.yaml")) {
            Files.copy(example, file);
        }
        CliRun run = CliRun.of("rules", "validate", file.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("valid");
    }

    @Test
    void errorsNameLineAndColumnAndExitNonZero(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                version: 1
                rules:
                  - name: drift
                    selector: {metric: feature_drfit}
                    condition: {drift_flag: true}
                    severity: loud
                """);
        CliRun run = CliRun.of("rules", "validate", file.toString());
        assertThat(run.exitCode()).isEqualTo(RulesCommand.EXIT_INVALID);
        assertThat(run.out()).contains("bad.yaml:4:").contains("bad.yaml:6:").contains("error(s)");
    }
}
