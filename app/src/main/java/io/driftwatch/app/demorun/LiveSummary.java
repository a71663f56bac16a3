package io.driftwatch.app.demorun;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** Prints progress every {@link DemoCommand#SUMMARY_EVERY}: rates from the producer, results from ClickHouse. */
final class LiveSummary {

    private final DemoTraffic player;
    private final DemoSummary summary;
    private final PrintStream out;
    private final Instant started = Instant.now();
    private Instant nextPrint = Instant.now().plus(DemoCommand.SUMMARY_EVERY);

    LiveSummary(DemoTraffic player, DemoSummary summary, PrintStream out) {
        this.player = player;
        this.summary = summary;
        this.out = out;
    }

    /** Prints when due; always returns true so it can sit in the traffic loop's condition. */
    boolean tick() {
        if (Instant.now().isAfter(nextPrint)) {
            nextPrint = Instant.now().plus(DemoCommand.SUMMARY_EVERY);
            print();
        }
        return true;
    }

    void print() {
        double seconds = Math.max(1, Duration.between(started, Instant.now()).toSeconds());
        try {
            out.printf("[%3.0fs] sent %,d predictions (%.0f/s), %,d labels, %,d malformed | windows written %,d | "
                            + "dead letters %,d | sim time %s%n", seconds, player.predictionsSent(),
                    player.predictionsSent() / seconds, player.labelsSent(), player.malformedSent(),
                    summary.windowsWritten(), summary.deadLetters(), Instant.ofEpochMilli(player.simulatedNowMillis()));
            var top = summary.topDrifting();
            if (!top.isEmpty()) {
                out.println("       top drifting: " + top);
            }
        } catch (SQLException | RuntimeException e) {
            out.println("       (ClickHouse not answering yet: " + e.getMessage() + ")");
        }
    }
}
