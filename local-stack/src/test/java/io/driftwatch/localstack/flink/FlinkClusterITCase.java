package io.driftwatch.localstack.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A two-TaskManager session cluster starts, reports its TaskManagers over REST, replaces one that dies on
 * its own, and leaves no process behind on close.
 */
class FlinkClusterITCase {

    @Test
    void twoTaskManagersRegisterCrashedOnesAreReplacedAndCloseLeavesNoProcess() {
        List<ProcessHandle> children;
        try (FlinkCluster cluster = TestClusters.small(2).start()) {
            assertThat(cluster.rest().overview().path("taskmanagers").asInt()).isEqualTo(2);
            assertThat(cluster.rest().overview().path("slots-total").asInt()).isEqualTo(2 * FlinkCluster.DEFAULT_SLOTS_PER_TASK_MANAGER);
            assertThat(cluster.rest().overview().path("flink-version").asText()).startsWith("2.");
            assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
                    .as("JobManager and two TaskManagers").hasSize(3);
            assertThat(cluster.taskManagersAlive()).isEqualTo(2);

            // a TaskManager dying by itself (not through killTaskManager) is replaced with a fresh resource id
            String crashed = cluster.taskManagerResourceId(1);
            cluster.taskManagerProcess(1).destroyForcibly();
            await().atMost(Duration.ofMinutes(1)).until(() -> cluster.taskManagersStarted() == 3
                    && cluster.rest().taskManagerIds().contains(cluster.taskManagerResourceId(2)));
            assertThat(cluster.crashedTaskManagers()).containsExactly(crashed);
            assertThat(cluster.taskManagersAlive()).isEqualTo(2);
            children = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList()).isEmpty();
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> FlinkCluster.builder().taskManagers(-1).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taskManagers");
        assertThatThrownBy(() -> FlinkCluster.builder().restPort(70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
    }
}
