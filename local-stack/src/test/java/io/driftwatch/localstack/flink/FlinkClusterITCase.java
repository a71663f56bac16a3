package io.driftwatch.localstack.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.driftwatch.localstack.process.ChildJvm;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.MemorySize;
import org.junit.jupiter.api.Test;

/** A two-TaskManager session cluster starts, reports its TaskManagers over REST, and leaves no process behind. */
class FlinkClusterITCase {

    @Test
    void twoTaskManagersRegisterAndCloseLeavesNoProcess() {
        List<ProcessHandle> children;
        try (FlinkCluster cluster = TestClusters.small(2).start()) {
            assertThat(cluster.rest().overview().path("taskmanagers").asInt()).isEqualTo(2);
            assertThat(cluster.rest().overview().path("slots-total").asInt()).isEqualTo(2 * FlinkCluster.DEFAULT_SLOTS_PER_TASK_MANAGER);
            assertThat(cluster.rest().overview().path("flink-version").asText()).startsWith("2.");
            children = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
            assertThat(children).as("JobManager and two TaskManagers").hasSize(3);
            assertThat(cluster.taskManagersAlive()).isEqualTo(2);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
    }

    @Test
    void rejectsBadSettings() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FlinkCluster.builder().taskManagers(-1).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taskManagers");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FlinkCluster.builder().restPort(70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }
}
