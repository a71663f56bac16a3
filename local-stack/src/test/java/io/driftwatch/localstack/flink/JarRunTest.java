package io.driftwatch.localstack.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JarRunTest {

    @Test
    void derivesRescaledAndRestoredRuns() {
        JarRun run = JarRun.of("a.Job", List.of("--x", "1"), 4);
        JarRun resumed = run.withParallelism(2).fromSavepoint("file:/sp/1");
        assertThat(resumed).isEqualTo(new JarRun("a.Job", List.of("--x", "1"), 2, Optional.of("file:/sp/1")));
        assertThat(run.savepointPath()).isEmpty();
    }

    @Test
    void rejectsBadRuns() {
        assertThatThrownBy(() -> JarRun.of(" ", List.of(), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry class");
        assertThatThrownBy(() -> JarRun.of("a.Job", List.of(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism must be >= 1");
    }

    @Test
    void restClientWantsAnHttpAddress() {
        assertThatThrownBy(() -> new FlinkRestClient(URI.create("localhost:8081"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://HOST:PORT");
        assertThat(new FlinkRestClient(URI.create("http://127.0.0.1:8081/")).restUrl()).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(JobState.FINISHED.isGloballyTerminal()).isTrue();
        assertThat(JobState.RESTARTING.isGloballyTerminal()).isFalse();
    }
}
