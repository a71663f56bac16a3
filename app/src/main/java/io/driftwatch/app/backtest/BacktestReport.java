package io.driftwatch.app.backtest;

import io.driftwatch.alerting.eval.AlertEvent;
import io.driftwatch.alerting.eval.EventKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text a backtest prints: every event at its event time (the window end) in evaluation order, pages (FIRED
 * events: what would page someone) per UTC day, and the alerts still firing at the end of the range.
 */
public final class BacktestReport {

    /** Width of the kind column (the longest kind, REMINDER, plus one). */
    private static final int KIND_WIDTH = 9;
    private static final double SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    private BacktestReport() {
    }

    public static String render(String rulesName, Instant from, Instant to, int rows, int ruleCount,
                                List<AlertEvent> events) {
        StringBuilder s = new StringBuilder();
        s.append("backtest of ").append(rulesName).append(" over [").append(from).append(", ").append(to).append("): ")
                .append(rows).append(" metric row(s), ").append(ruleCount).append(" rule(s), ").append(events.size())
                .append(" event(s)\n");
        Map<LocalDate, Integer> pagesPerDay = new TreeMap<>();
        Map<String, AlertEvent> lastByAlert = new LinkedHashMap<>();
        for (AlertEvent e : events) {
            s.append(e.windowEnd()).append("  ").append(pad(e.kind().name())).append(e.summary()).append('\n');
            if (e.kind() == EventKind.FIRED) {
                pagesPerDay.merge(LocalDate.ofInstant(e.windowEnd(), ZoneOffset.UTC), 1, Integer::sum);
            }
            lastByAlert.put(e.dedupKey(), e);
        }
        int pages = pagesPerDay.values().stream().mapToInt(Integer::intValue).sum();
        double days = Duration.between(from, to).toSeconds() / SECONDS_PER_DAY;
        s.append("pages per day (fired alerts): ").append(pages).append(" in ")
                .append(String.format(Locale.ROOT, "%.2f", days)).append(" day(s), ")
                .append(String.format(Locale.ROOT, "%.2f", pages / days)).append(" per day\n");
        pagesPerDay.forEach((day, n) -> s.append("  ").append(day).append("  ").append(n).append('\n'));
        List<AlertEvent> firing = lastByAlert.values().stream().filter(e -> e.kind() != EventKind.RESOLVED).toList();
        s.append("still firing at the end: ").append(firing.size()).append('\n');
        firing.forEach(e -> s.append("  ").append(e.rule()).append(' ').append(e.series().describe()).append(" since ")
                .append(e.firingSince()).append('\n'));
        return s.toString();
    }

    private static String pad(String kind) {
        return String.format(Locale.ROOT, "%-" + KIND_WIDTH + "s", kind);
    }
}
