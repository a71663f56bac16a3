package io.driftwatch.app;

import io.driftwatch.app.report.HtmlReport;
import io.driftwatch.app.report.ReportData;
import io.driftwatch.app.report.ReportLoader;
import io.driftwatch.app.report.ReportRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes a self-contained HTML drift report of one model from the ClickHouse result tables. */
@Command(name = "report",
        description = "Write a self-contained HTML report (drift table, statistic and reference charts, latency,"
                + " data quality) of one model over a time range.")
final class ReportCommand implements Callable<Integer> {

    // Not mixinStandardHelpOptions: its -V/--version would clash with --version (the model version).
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Mixin
    ClickHouseConnectionOptions clickhouse;

    @Option(names = "--model", required = true, description = "Model id.")
    String model;

    @Option(names = "--version", description = "Model version (default: all versions).")
    String version;

    @Option(names = "--segment", defaultValue = "", description = "Segment value such as country=DE (default: all traffic).")
    String segment;

    @Option(names = "--from", required = true, description = "Start of the range, ISO-8601 instant (e.g. 2026-11-01T00:00:00Z).")
    String from;

    @Option(names = "--to", required = true, description = "End of the range (exclusive), ISO-8601 instant.")
    String to;

    @Option(names = {"-o", "--output"}, required = true, description = "HTML file to write.")
    Path output;

    @Override
    public Integer call() throws Exception {
        ReportRequest request = new ReportRequest(model, Optional.ofNullable(version), segment, instant("--from", from),
                instant("--to", to));
        ReportData data;
        try (Connection connection = clickhouse.connect()) {
            data = new ReportLoader(clickhouse.database()).load(connection, request);
        }
        String html = new HtmlReport().render(data, Instant.now());
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException("cannot write " + output + ": " + e.getMessage());
        }
        long drifting = data.drift().stream().filter(ReportData.DriftSummary::drift).count();
        System.out.printf("wrote %s: %d drift result(s), %d drifting in the latest window, %d predictions%n", output,
                data.drift().size(), drifting, data.predictions());
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
