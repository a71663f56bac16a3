package io.driftwatch.app;

import io.driftwatch.app.csv.CsvTable;
import io.driftwatch.app.drift.BinningOption;
import io.driftwatch.app.drift.ColumnDrift;
import io.driftwatch.app.drift.ColumnDriftAnalyzer;
import io.driftwatch.detectors.drift.DriftResult;
import io.driftwatch.detectors.drift.DriftTestId;
import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.FeatureKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Compares each column of a current CSV with the same column of a reference CSV. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Drift tests per column between a reference CSV and a current CSV. Exit code 3 when any column drifted.")
final class DriftCommand implements Callable<Integer> {

    /** Exit code when at least one column drifted, so CI pipelines can gate on it. */
    static final int EXIT_DRIFT = 3;

    @Option(names = "--reference", required = true, paramLabel = "REF.csv", description = "Reference data (CSV with a header).")
    Path reference;

    @Option(names = "--current", required = true, paramLabel = "CUR.csv", description = "Current data, same columns.")
    Path current;

    @Option(names = "--tests", defaultValue = "auto", split = ",", paramLabel = "auto|ks,psi,..",
            description = "Tests to run, each on the columns it applies to (raw-sample tests and histogram distances on "
                    + "numeric columns; contingency tests and distances on categorical ones), or auto: one test per column chosen by type and size "
                    + "(Evidently's rules). Ids: ks psi jensenshannon wasserstein wasserstein_raw hellinger kl_div energy "
                    + "cramer_von_mises anderson mannwhitney t_test mmd chisquare z fisher_exact g_test tvd linf.")
    List<String> tests;

    @Option(names = "--bins", defaultValue = "deciles", converter = BinningOption.class,
            paramLabel = "deciles|equal-width[:N]|sturges|doane|N",
            description = "Bins for histogram tests on numeric columns, fixed from the reference (default: ${DEFAULT-VALUE}).")
    Binning binning;

    @Option(names = "--categorical", split = ",", paramLabel = "a,b", description = "Columns to treat as categorical.")
    Set<String> categorical = Set.of();

    @Option(names = "--parity", paramLabel = "evidently",
            description = "evidently: choose and compute each column's test exactly as Evidently does (its binning, its chi-square).")
    Parity parity;

    @Option(names = "--format", defaultValue = "json", description = "json or text (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    enum Parity { EVIDENTLY }

    @Override
    public Integer call() {
        List<DriftTestId> explicitTests = parseTests();
        if (parity != null && explicitTests != null) {
            throw new UserInputException("--parity evidently chooses the tests itself; drop --tests");
        }
        CsvTable ref = CsvTable.read(reference);
        CsvTable cur = CsvTable.read(current);
        for (String column : ref.header()) {
            if (!cur.header().contains(column)) {
                throw new UserInputException(current + ": no column '" + column + "' (the reference has it)");
            }
        }
        for (String column : categorical) {
            if (!ref.header().contains(column)) {
                throw new UserInputException("--categorical names '" + column + "', which " + reference + " does not have");
            }
        }
        ColumnDriftAnalyzer analyzer = new ColumnDriftAnalyzer(binning);
        List<ColumnDrift> columns = new ArrayList<>();
        for (String column : ref.header()) {
            columns.add(analyze(analyzer, ref, cur, column, explicitTests));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("reference", reference.toString());
        result.put("current", current.toString());
        result.put("drifted_columns", columns.stream().filter(ColumnDrift::drifted).map(ColumnDrift::column).toList());
        result.put("columns", columns.stream().map(ColumnDrift::toMap).toList());
        System.out.println(format.render(result));
        return columns.stream().anyMatch(ColumnDrift::drifted) ? EXIT_DRIFT : 0;
    }

    /** The explicit test list, or null for auto. */
    private List<DriftTestId> parseTests() {
        if (tests.size() == 1 && tests.get(0).equalsIgnoreCase("auto")) {
            return null;
        }
        try {
            return tests.stream().map(DriftTestId::fromId).toList();
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--tests: " + e.getMessage(), e);
        }
    }

    private ColumnDrift analyze(ColumnDriftAnalyzer analyzer, CsvTable ref, CsvTable cur, String column,
                                List<DriftTestId> explicitTests) {
        boolean numeric = !categorical.contains(column) && ref.isNumeric(column) && cur.isNumeric(column);
        List<DriftResult> results = new ArrayList<>();
        int nRef;
        int nCur;
        try {
            if (numeric) {
                double[] r = ref.numbers(column);
                double[] c = cur.numbers(column);
                nRef = r.length;
                nCur = c.length;
                if (parity != null) {
                    results.add(ColumnDriftAnalyzer.evidentlyParity(r, c));
                } else if (explicitTests == null) {
                    results.add(analyzer.autoNumeric(r, c));
                } else {
                    applicable(explicitTests, true, column)
                            .forEach(t -> results.add(analyzer.numeric(t, r, c, t.defaultThreshold())));
                }
            } else {
                List<String> r = nonEmpty(ref, column);
                List<String> c = nonEmpty(cur, column);
                nRef = r.size();
                nCur = c.size();
                if (parity != null) {
                    results.add(ColumnDriftAnalyzer.evidentlyParity(r, c));
                } else if (explicitTests == null) {
                    results.add(analyzer.autoCategorical(r, c));
                } else {
                    applicable(explicitTests, false, column)
                            .forEach(t -> results.add(analyzer.categorical(t, r, c, t.defaultThreshold())));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UserInputException("column '" + column + "': " + e.getMessage(), e);
        }
        return new ColumnDrift(column, numeric ? FeatureKind.NUMERIC : FeatureKind.CATEGORICAL, nRef, nCur,
                ref.missing(column), cur.missing(column), results);
    }

    /** The listed tests that apply to a column of this kind; none is an error naming the column. */
    private static List<DriftTestId> applicable(List<DriftTestId> tests, boolean numeric, String column) {
        List<DriftTestId> applicable = tests.stream()
                .filter(numeric ? ColumnDriftAnalyzer::appliesToNumeric : ColumnDriftAnalyzer::appliesToCategorical)
                .toList();
        if (applicable.isEmpty()) {
            throw new UserInputException("none of the tests " + tests.stream().map(DriftTestId::id).toList()
                    + " applies to " + (numeric ? "numeric" : "categorical") + " column '" + column + "'");
        }
        return applicable;
    }

    private static List<String> nonEmpty(CsvTable table, String column) {
        List<String> values = table.strings(column);
        if (values.isEmpty()) {
            throw new UserInputException(table.file() + ": column '" + column + "' has no values");
        }
        return values;
    }
}
