package io.driftwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.localstack.process.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code driftwatch submit} reports bad input in one line and exits with {@link Main#EXIT_FAILURE}. */
class SubmitCommandTest {

    @Test
    void rejectsAnAddressThatIsNotHttp(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("submit", "--cluster", "ftp://127.0.0.1:1", "--jar", jar(dir), "--class", "a.B");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err()).contains("http://HOST:PORT");
    }

    @Test
    void rejectsAMissingJar(@TempDir Path dir) {
        CliRun run = CliRun.of("submit", "--jar", dir.resolve("nope.jar").toString(), "--class", "a.B");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err()).contains("nope.jar does not exist");
    }

    @Test
    void saysWhenNoClusterAnswers(@TempDir Path dir) throws IOException {
        String nobody = "http://" + FreePorts.LOOPBACK + ":" + FreePorts.pick(1)[0];
        CliRun run = CliRun.of("submit", "--cluster", nobody, "--jar", jar(dir), "--class", "a.B");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err()).contains("did not answer");
    }

    @Test
    void rejectsParallelismBelowOne(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("submit", "--jar", jar(dir), "--class", "a.B", "--parallelism", "0");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err()).contains("parallelism must be >= 1");
    }

    @Test
    void needsConfigOrJarAndClass(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("submit", "--jar", jar(dir));
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err()).contains("give --config FILE (the Driftwatch job) or both --jar and --class");
    }

    @Test
    void rejectsAMissingJobConfiguration(@TempDir Path dir) {
        CliRun run = CliRun.of("submit", "--config", dir.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err()).contains("job configuration file not found").contains("nope.yaml");
    }

    @Test
    void configIsTheDriftwatchJobAndTakesNoOtherJar(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("driftwatch.yaml"), "kafka: {}\n");
        CliRun run = CliRun.of("submit", "--config", config.toString(), "--jar", jar(dir), "--class", "a.B");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err()).contains("--config submits the Driftwatch job; it takes no --jar, --class or ARGS");
    }

    private static String jar(Path dir) throws IOException {
        return Files.writeString(dir.resolve("job.jar"), "not really a jar").toString();
    }
}
