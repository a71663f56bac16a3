package io.driftwatch.app;

import io.driftwatch.app.csv.CsvTable;
import io.driftwatch.app.drift.BinningOption;
import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.baseline.BaselineStore;
import io.driftwatch.flink.source.SegmentKeys;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
 *
 * <p>With {@code --segment-column country} a baseline is also stored per value of that column (per combination
 * of values with several columns), under the job's canonical segment ({@code country=DE}); the job prefers a
 * segment's own baseline over the version's, so the columns should be the model's {@code segments.<model>.keys}.
 * A segment's profiles leave out the segment columns (constant there) and any column without a value in that
 * segment; kinds (numeric or categorical) and bins are chosen as for the whole file. Rows with an empty segment
 * cell count only in the version-wide baseline.
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

    @Option(names = "--segment-column", split = ",", paramLabel = "COL[,COL...]",
            description = "Also store a baseline per value (combination) of these columns, as the job's segment"
                    + " (e.g. country=DE); use the model's segment keys.")
    List<String> segmentColumns = List.of();

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
        requireColumns(table, Set.copyOf(segmentColumns), "--segment-column");
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
        Set<String> numeric = new HashSet<>();
        for (String column : columns) {
            Profiled p = new Profiled(profile(table, column), table.missing(column));
            profiled.add(p);
            if (p.profile().distribution() instanceof NumericProfile) {
                numeric.add(column);
            }
        }
        List<SegmentBaseline> segments = segmentProfiles(table, columns, numeric);
        Map<String, ReferenceProfile> profiles = new LinkedHashMap<>();
        profiled.forEach(p -> profiles.put(p.profile().featureName(), p.profile()));
        String description = source != null ? source : input + " (" + table.rowCount() + " rows)";
        BaselineStore store = new BaselineStore(clickhouse::connect, clickhouse.database());
        Instant created = store.save(model, version, profiles, description);
        List<Map<String, Object>> stored = new ArrayList<>();
        for (SegmentBaseline segment : segments) {
            Instant at = store.save(model, version, segment.segment(), segment.profiles(),
                    description + ", segment " + segment.segment());
            stored.add(segment.summary(at));
        }
        print(profiled, table.rowCount(), created, stored);
        return 0;
    }

    /** One segment's profiles and row count. */
    private record SegmentBaseline(String segment, int rows, Map<String, ReferenceProfile> profiles) {
        Map<String, Object> summary(Instant createdAt) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("segment", segment);
            m.put("rows", rows);
            m.put("features", List.copyOf(profiles.keySet()));
            m.put("created_at", createdAt.toString());
            return m;
        }
    }

    /** Per segment value (combination): profiles of the profiled columns other than the segment columns. */
    private List<SegmentBaseline> segmentProfiles(CsvTable table, List<String> columns, Set<String> numeric) {
        List<SegmentBaseline> segments = new ArrayList<>();
        for (Map.Entry<Map<String, String>, CsvTable> group : table.groupBy(segmentColumns).entrySet()) {
            CsvTable rows = group.getValue();
            Map<String, ReferenceProfile> profiles = new LinkedHashMap<>();
            for (String column : columns) {
                if (!segmentColumns.contains(column) && !rows.strings(column).isEmpty()) {
                    profiles.put(column, profile(rows, column, numeric.contains(column)));
                }
            }
            String segment = SegmentKeys.canonical(group.getKey(), List.of());
            if (profiles.isEmpty()) {
                throw new UserInputException("segment " + segment + " has no column to profile");
            }
            segments.add(new SegmentBaseline(segment, rows.rowCount(), profiles));
        }
        return segments;
    }

    private ReferenceProfile profile(CsvTable table, String column) {
        return profile(table, column, !categorical.contains(column) && table.isNumeric(column));
    }

    private ReferenceProfile profile(CsvTable table, String column, boolean numeric) {
        try {
            if (numeric) {
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

    private void print(List<Profiled> profiled, int rows, Instant created, List<Map<String, Object>> segments) {
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
            result.put("segments", segments);
            System.out.println(format.render(result));
        } else {
            System.out.printf(Locale.ROOT, "baseline of %s version %s: %d feature(s) from %d rows of %s, saved to %s at %s%n",
                    model, version, profiled.size(), rows, input, destination, created);
            profiled.forEach(p -> System.out.println(p.toLine()));
            segments.forEach(s -> System.out.printf(Locale.ROOT, "segment %s: %d feature(s) from %d rows%n",
                    s.get("segment"), ((List<?>) s.get("features")).size(), (Integer) s.get("rows")));
        }
    }
}
