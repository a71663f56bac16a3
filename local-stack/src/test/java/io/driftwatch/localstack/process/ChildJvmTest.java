package io.driftwatch.localstack.process;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ChildJvmTest {

    @Test
    void commandRunsRequestedMainBehindTheWatchdogWithThisClasspath() {
        List<String> command = ChildJvm.builder("com.example.Main").jvmArgs(List.of("-Xmx64m"))
                .args(List.of("a", "b")).logFile(Path.of("x.log")).build().command();
        assertThat(command.get(0)).endsWith(File.separator + "bin" + File.separator + "java");
        String absoluteClasspath = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isEmpty()).map(e -> new File(e).getAbsolutePath())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
        assertThat(command.subList(1, command.size())).containsExactly("-Xmx64m", "-cp",
                absoluteClasspath, ParentWatchingMain.class.getName(), "com.example.Main", "a", "b");
    }

    @Test
    void relativeClasspathEntriesBecomeAbsoluteSinceChildrenRunElsewhere() {
        List<String> command = ChildJvm.builder("com.example.Main").classpath("target/driftwatch.jar")
                .logFile(Path.of("x.log")).build().command();
        String cp = command.get(command.indexOf("-cp") + 1);
        assertThat(cp).endsWith(File.pathSeparator + new File("target/driftwatch.jar").getAbsolutePath());
    }

    @Test
    void explicitClasspathGetsLocalStackClassesPrepended() {
        List<String> command = ChildJvm.builder("com.example.Main").classpath("/opt/lib/x.jar")
                .logFile(Path.of("x.log")).build().command();
        String cp = command.get(command.indexOf("-cp") + 1);
        assertThat(cp).endsWith(File.pathSeparator + "/opt/lib/x.jar");
        assertThat(cp).doesNotStartWith("/opt/lib/x.jar");
    }

    @Test
    void mainClassAndLogFileAreRequired() {
        assertThatThrownBy(() -> ChildJvm.builder(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("main class");
        assertThatThrownBy(() -> ChildJvm.builder("com.example.Main").build()).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("logFile");
    }

    @Test
    void watchdogReturnsAtEndOfInputWhateverWasWritten() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            ParentWatchdog.awaitEndOfInput(new ByteArrayInputStream(new byte[1000]));
            ParentWatchdog.awaitEndOfInput(new ByteArrayInputStream(new byte[0]));
        });
    }
}
