package io.driftwatch.localstack.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlinkProcessMemoryTest {

    private static final Path SOURCE = Path.of("memory.out");

    @Test
    void takesTheLastTwoResultLinesAmongLogOutput() {
        List<String> output = List.of(
                "INFO  some log line",
                "BASH_JAVA_UTILS_EXEC_RESULT:-Xmx1 -Xms1",
                "BASH_JAVA_UTILS_EXEC_RESULT:-D a=1",
                "INFO  another run appended",
                "BASH_JAVA_UTILS_EXEC_RESULT:-Xmx536870902 -Xms536870902 -XX:MaxMetaspaceSize=268435456",
                "BASH_JAVA_UTILS_EXEC_RESULT:-D taskmanager.cpu.cores=2.0 -D taskmanager.memory.network.min=67108864b");
        FlinkProcessMemory memory = FlinkProcessMemory.parse(output, FlinkProcessMemory.Role.TASK_MANAGER, SOURCE);
        assertThat(memory.jvmFlags()).containsExactly("-Xmx536870902", "-Xms536870902", "-XX:MaxMetaspaceSize=268435456");
        assertThat(memory.dynamicArgs()).containsExactly("-D", "taskmanager.cpu.cores=2.0", "-D",
                "taskmanager.memory.network.min=67108864b");
    }

    @Test
    void emptyDynamicLineGivesNoArguments() {
        FlinkProcessMemory memory = FlinkProcessMemory.parse(List.of("BASH_JAVA_UTILS_EXEC_RESULT:-Xmx1",
                "BASH_JAVA_UTILS_EXEC_RESULT:"), FlinkProcessMemory.Role.JOB_MANAGER, SOURCE);
        assertThat(memory.dynamicArgs()).isEmpty();
    }

    @Test
    void missingResultLinesAreReportedWithTheOutput() {
        assertThatThrownBy(() -> FlinkProcessMemory.parse(List.of("Exception: bad config"),
                FlinkProcessMemory.Role.JOB_MANAGER, SOURCE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GET_JM_RESOURCE_PARAMS printed 0 result lines")
                .hasMessageContaining("bad config");
    }
}
