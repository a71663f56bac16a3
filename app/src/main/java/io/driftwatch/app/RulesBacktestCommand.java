package io.driftwatch.app;

import io.driftwatch.alerting.eval.AlertEvent;
import io.driftwatch.alerting.eval.Evaluator;
import io.driftwatch.alerting.eval.MetricObservation;
import io.driftwatch.alerting.rules.RuleError;
import io.driftwatch.alerting.rules.RuleSet;
import io.driftwatch.alerting.rules.RulesException;
import io.driftwatch.alerting.rules.RulesParser;
import io.driftwatch.app.backtest.BacktestReport;
import io.driftwatch.app.backtest.StoredMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code driftwatch rules backtest}: replays the metric rows stored in ClickHouse through the same evaluator
 * the job runs and prints which alerts would have fired and resolved, when, and the pages per day. The
 * evaluation starts from no alert state at {@code --from}; nothing is sent.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Replay stored metric rows through a rules file: print the alerts that would have fired and"
                + " resolved, when, and pages per day. Sends nothing.")
final class RulesBacktestCommand implements Callable<Integer> {

    @Mixin
    ClickHouseConnectionOptions clickhouse;

    @Option(names = "--rules", required = true, paramLabel = "FILE", description = "The rules YAML file.")
    Path rules;

    @Option(names = "--from", required = true, description = "Windows starting at or after this ISO-8601 instant.")
    String from;

    @Option(names = "--to", required = true, description = "Windows starting before this ISO-8601 instant.")
    String to;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(rules)) {
            throw new UserInputException(rules + ": no such file");
        }
        RuleSet ruleSet;
        try {
            ruleSet = RulesParser.parse(rules);
        } catch (RulesException e) {
            e.errors().stream().map(RuleError::toString).forEach(System.out::println);
            System.out.println(rules + ": " + e.errors().size() + " error(s)");
            return RulesCommand.EXIT_INVALID;
        }
        Instant start = instant("--from", from);
        Instant end = instant("--to", to);
        if (!end.isAfter(start)) {
            throw new UserInputException("--to " + end + " is not after --from " + start);
        }
        List<MetricObservation> rows;
        try (Connection connection = clickhouse.connect()) {
            rows = new StoredMetrics(clickhouse.database()).load(connection, start, end);
        }
        List<AlertEvent> events;
        try {
            events = new Evaluator(ruleSet).evaluate(rows);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("cannot evaluate " + rules + ": " + e.getMessage(), e);
        }
        System.out.print(BacktestReport.render(rules.toString(), start, end, rows.size(), ruleSet.rules().size(), events));
        return 0;
    }

    private static Instant instant(String option, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserInputException(option + " '" + text + "' is not an ISO-8601 instant such as"
                    + " 2026-11-01T00:00:00Z", e);
        }
    }
}
