package io.driftwatch.app.demorun;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code driftwatch demo}, shortened: real Kafka, ClickHouse and the Flink job on a MiniCluster, with the
 * generator's drift injected after a minute; the job must flag exactly the injected features.
 */
class DemoCommandITCase {

    @Test
    void detectsExactlyTheInjectedDriftAndTheLatencyRegression(@TempDir Path dataDir) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            // At the default rate the drift starts after 60 s; 110 s leaves four windows after it.
            exit = Main.commandLine().execute("demo", "--duration", "110s", "--data-dir", dataDir.toString());
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        System.out.println(out);
        assertThat(exit).as(out).isZero();
        assertThat(out).contains("Injected drift : [fraud-v3 country=BR amount, fraud-v3 country=BR merchant_category]")
                .contains("Detected drift : [fraud-v3 country=BR amount, fraud-v3 country=BR merchant_category]")
                .contains("Before the drift: no series flagged")
                .contains("=> drift detected on exactly the injected features.")
                .contains("Latency p50 of fraud-v3")
                .containsPattern("Labels so far  : .*fraud-v3: coverage 0\\.\\d\\d \\([0-9,]+ of [0-9,]+ labelled\\), ECE 0\\.\\d{3}");
        assertThat(out).containsPattern("windows written [1-9]").containsPattern("dead letters [1-9]");
        // the alert rule pages the local receiver for the injected series only, once each
        List<String> pages = out.lines().filter(l -> l.startsWith("PAGE trigger")).toList();
        assertThat(pages).as(out).anyMatch(l -> l.contains("demo-feature-drift fraud-v3/")
                && l.contains("segment=country=BR feature=amount"));
        assertThat(pages).allMatch(l -> l.contains("segment=country=BR feature=amount")
                || l.contains("segment=country=BR feature=merchant_category")).doesNotHaveDuplicates();
        assertThat(out).contains("Pages: " + pages.size() + " trigger(s)");
    }
}
