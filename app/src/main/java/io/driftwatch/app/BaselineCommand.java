package io.driftwatch.app;

import io.driftwatch.app.csv.CsvTable;
import io.driftwatch.app.drift.BinningOption;
import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.baseline.BaselineStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Profiles every column of a training CSV and stores the profiles as the model version's baseline in
 * ClickHouse, where the streaming jobs read them.
 *
 * <p>A column is numeric when all its non-empty cells are numbers (and it is not named in
 * {@code --categorical}); its profile has bins fixed by {@code --bins}. Any other column is categorical.
 * Empty cells are missing values: they are counted in the summary and left out of the profile. A column
 * without any value, an unknown column in {@code --categorical} or {@code --exclude}, or a NaN or infinite
 * number is an error, and nothing is stored.
 */
@Command(name = "baseline",
        description = "Profile a training CSV (one reference profile per column) and store it as the baseline of a model version.")
final class BaselineCommand implements Callable<Integer> {

    // Not mixinStandardHelpOptions: its -V/--version would clash with --version (the model version).
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model id.")
    String model;

    @Option(names = "--version", required = true, paramLabel = "VERSION", description = "Model version.")
    String version;

    @Option(names = "--input", required = true, paramLabel = "TRAIN.csv", description = "Training data (CSV with a header).")
    Path input;

    @Option(names = "--bins", defaultValue = "deciles", converter = BinningOption.class,
            paramLabel = "deciles|equal-width[:N]|sturges|doane|N",
            description = "Bins of numeric columns, fixed from the training data (default: ${DEFAULT-VALUE}).")
    Binning binning;

    @Option(names = "--categorical", split = ",", paramLabel = "a,b", description = "Columns to profile as categorical.")
    Set<String> categorical = Set.of();

    @Option(names = "--exclude", split = ",", paramLabel = "label,score",
            description = "Columns to leave out (e.g. the label, the model's score, ids).")
    Set<String> exclude = Set.of();

    @Option(names = "--source", paramLabel = "TEXT",
            description = "Where the data came from, stored with the baseline (default: the input path and row count).")
    String source;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Mixin
    ClickHouseConnectionOptions clickhouse;

    /** One profiled column, for the summary. */
    private record Profiled(ReferenceProfile profile, int missing) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("feature", profile.featureName());
            m.put("kind", profile.kind().name().toLowerCase(Locale.ROOT));
            m.put("rows", profile.distribution().count());
            m.put("missing", missing);
            if (profile.distribution() instanceof NumericProfile numeric) {
                m.put("bins", numeric.edges().binCount());
                m.put("interior_edges", numeric.edges().interiorEdges());
                m.put("bin_counts", numeric.binCounts());
            } else {
                m.put("categories", profile.categorical().counts().size());
            }
            return m;
        }

        String toLine() {
            String shape = profile.distribution() instanceof NumericProfile numeric
                    ? numeric.edges().binCount() + " bins"
                    : profile.categorical().counts().size() + " categories";
            return String.format(Locale.ROOT, "%-24s %-11s %8d rows %6d missing  %s", profile.featureName(),
                    profile.kind().name().toLowerCase(Locale.ROOT), profile.distribution().count(), missing, shape);
        }
    }

    @Override
    public Integer call() {
        CsvTable table = CsvTable.read(input);
        requireColumns(table, categorical, "--categorical");
        requireColumns(table, exclude, "--exclude");
        for (String column : categorical) {
            if (exclude.contains(column)) {
                throw new UserInputException("column '" + column + "' is in both --categorical and --exclude");
            }
        }
        List<String> columns = table.header().stream().filter(c -> !exclude.contains(c)).toList();
        if (columns.isEmpty()) {
            throw new UserInputException(input + ": --exclude leaves no column to profile");
        }
        if (table.rowCount() == 0) {
            throw new UserInputException(input + ": no data rows");
        }
        List<Profiled> profiled = new ArrayList<>();
        for (String column : columns) {
            profiled.add(new Profiled(profile(table, column), table.missing(column)));
        }
        Map<String, ReferenceProfile> profiles = new LinkedHashMap<>();
        profiled.forEach(p -> profiles.put(p.profile().featureName(), p.profile()));
        String description = source != null ? source : input + " (" + table.rowCount() + " rows)";
        Instant created = new BaselineStore(clickhouse::connect, clickhouse.database())
                .save(model, version, profiles, description);
        print(profiled, table.rowCount(), created);
        return 0;
    }

    private ReferenceProfile profile(CsvTable table, String column) {
        try {
            if (!categorical.contains(column) && table.isNumeric(column)) {
                return new ReferenceProfile(column, NumericProfile.fromReference(table.numbers(column), binning));
            }
            List<String> values = table.strings(column);
            if (values.isEmpty()) {
                throw new UserInputException(input + ": column '" + column + "' has no values");
            }
            return new ReferenceProfile(column, CategoricalProfile.fromValues(values));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("column '" + column + "': " + e.getMessage(), e);
        }
    }

    private void requireColumns(CsvTable table, Set<String> named, String option) {
        for (String column : named) {
            if (!table.header().contains(column)) {
                throw new UserInputException(option + " names '" + column + "', which " + input + " does not have"
                        + " (columns: " + String.join(", ", table.header()) + ")");
            }
        }
    }

    private void print(List<Profiled> profiled, int rows, Instant created) {
        String destination = clickhouse.database() + "." + BaselineStore.TABLE;
        if (format == OutputFormat.JSON) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", model);
            result.put("version", version);
            result.put("input", input.toString());
            result.put("rows", rows);
            result.put("table", destination);
            result.put("created_at", created.toString());
            result.put("features", profiled.stream().map(Profiled::toMap).toList());
            System.out.println(format.render(result));
        } else {
            System.out.printf(Locale.ROOT, "baseline of %s version %s: %d feature(s) from %d rows of %s, saved to %s at %s%n",
                    model, version, profiled.size(), rows, input, destination, created);
            profiled.forEach(p -> System.out.println(p.toLine()));
        }
    }
}
