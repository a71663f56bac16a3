package io.driftwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @Test
    void localRunsCheckpointToFilesNotToTheJobManagersCappedMemory(@TempDir Path dir) {
        Configuration conf = RunCommand.localConfiguration(dir.resolve("checkpoints"), "0");
        assertThat(conf.get(CheckpointingOptions.CHECKPOINT_STORAGE)).isEqualTo(RunCommand.FILESYSTEM_STORAGE);
        assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo(dir.resolve("checkpoints").toUri().toString());
    }

    @Test
    void theCheckpointDirectoryDefaultsToTheWorkingDirectory() {
        RunCommand command = new RunCommand();
        new picocli.CommandLine(command).parseArgs("--config", "job.yaml");
        assertThat(command.checkpointDir).isEqualTo(Path.of("driftwatch-checkpoints"));
    }
}
