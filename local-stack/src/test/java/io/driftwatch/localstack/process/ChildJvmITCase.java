package io.driftwatch.localstack.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ChildJvmITCase {

    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration GONE = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private ChildProcess listening(int port, String name) {
        return ChildJvm.builder(ListeningMain.class.getName()).args(List.of(Integer.toString(port)))
                .jvmArgs(List.of("-Xmx32m")).logFile(temp.resolve(name + ".log")).build().start();
    }

    @Test
    void severalChildrenRunSideBySideAndStop() {
        int[] ports = FreePorts.pick(3);
        List<ChildProcess> children = new ArrayList<>();
        try {
            for (int i = 0; i < ports.length; i++) {
                children.add(listening(ports[i], "child" + i));
            }
            for (int i = 0; i < ports.length; i++) {
                ChildProcess child = children.get(i);
                child.awaitReady(ReadinessProbe.portOpen(FreePorts.LOOPBACK, ports[i]), READY);
                // the port opens just before the child logs it
                String expectedLine = "listening on " + ports[i];
                await().atMost(READY).until(() -> child.logTail(1).equals(expectedLine));
            }
        } finally {
            children.forEach(ChildProcess::stop);
        }
        assertThat(children).noneMatch(ChildProcess::isAlive);
        assertThat(children.stream().map(c -> c.handle().pid()).distinct()).hasSize(ports.length);
    }

    @Test
    void childThatExitsEarlyFailsFastWithItsLog() {
        try (ChildProcess child = ChildJvm.builder(FailingMain.class.getName())
                .logFile(temp.resolve("failing.log")).build().start()) {
            assertThatThrownBy(() -> child.awaitReady(() -> false, READY))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("exited with status " + FailingMain.STATUS)
                    .hasMessageContaining("boom: the detail a user needs");
        }
    }

    @Test
    void readinessTimeoutNamesProbeAndQuotesLog() {
        int port = FreePorts.pick(1)[0];
        try (ChildProcess child = listening(port, "slow")) {
            child.awaitReady(ReadinessProbe.portOpen(FreePorts.LOOPBACK, port), READY);
            ReadinessProbe never = ReadinessProbe.httpGet(java.net.URI.create("http://127.0.0.1:" + port + "/ping"), "Ok.");
            assertThatThrownBy(() -> child.awaitReady(never, Duration.ofMillis(300)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not ready after PT0.3S")
                    .hasMessageContaining("GET http://127.0.0.1:" + port + "/ping answers 'Ok.'")
                    .hasMessageContaining("listening on " + port);
        }
    }

    @Test
    void killMinusNineOfTheParentLeavesNoGrandchild() throws Exception {
        assertGrandchildDiesWhenParentIsKilled(true);
    }

    @Test
    void sigtermOfTheParentLeavesNoGrandchild() throws Exception {
        assertGrandchildDiesWhenParentIsKilled(false);
    }

    private void assertGrandchildDiesWhenParentIsKilled(boolean forcibly) throws Exception {
        int port = FreePorts.pick(1)[0];
        Path parentLog = temp.resolve("parent.log");
        ChildProcess parent = ChildJvm.builder(SpawningParentMain.class.getName())
                .args(List.of(Integer.toString(port), temp.resolve("grandchild.log").toString()))
                .logFile(parentLog).build().start();
        AtomicLong grandchildPid = new AtomicLong();
        try {
            await().atMost(READY).until(() -> {
                Optional<String> line = Files.readAllLines(parentLog).stream()
                        .filter(l -> l.startsWith(SpawningParentMain.PID_PREFIX)).findFirst();
                line.ifPresent(l -> grandchildPid.set(Long.parseLong(l.substring(SpawningParentMain.PID_PREFIX.length()))));
                return line.isPresent();
            });
            ProcessHandle grandchild = ProcessHandle.of(grandchildPid.get()).orElseThrow();
            assertThat(grandchild.isAlive()).isTrue();
            if (forcibly) {
                parent.handle().destroyForcibly();
            } else {
                parent.handle().destroy();
            }
            await().atMost(GONE).until(() -> !parent.isAlive());
            await().atMost(GONE).until(() -> !grandchild.isAlive());
        } finally {
            parent.stop();
            ProcessHandle.of(grandchildPid.get()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
