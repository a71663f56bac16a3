package io.driftwatch.localstack.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Test child that starts its own {@link ListeningMain} child, reports its pid, and blocks. */
public final class SpawningParentMain {

    static final String PID_PREFIX = "GRANDCHILD_PID=";

    private SpawningParentMain() {
    }

    /** Arguments: port for the grandchild, its log file. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        ChildProcess grandchild = ChildJvm.builder(ListeningMain.class.getName())
                .args(List.of(args[0])).logFile(Path.of(args[1])).build().start();
        grandchild.awaitReady(ReadinessProbe.portOpen(FreePorts.LOOPBACK, port), Duration.ofSeconds(60));
        System.out.println(PID_PREFIX + grandchild.pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
