package io.driftwatch.app;

import io.driftwatch.app.csv.CsvTable;
import io.driftwatch.detectors.performance.BinaryClassificationEvaluator;
import io.driftwatch.detectors.performance.MulticlassEvaluator;
import io.driftwatch.detectors.performance.RegressionEvaluator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Calibration, classification or regression metrics of a model's outputs against true labels, from a CSV. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Compute calibration and performance metrics from a CSV of model outputs and true labels.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE.csv", description = "CSV with a header row.")
    Path input;

    @Option(names = "--label", required = true, paramLabel = "COL",
            description = "True label column: 0/1 with --score, a class name with --scores or --prediction, a number for regression.")
    String label;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Output output;

    static final class Output {
        @Option(names = "--score", paramLabel = "COL", description = "Binary classifier: probability of class 1.")
        String score;

        @Option(names = "--scores", split = ",", paramLabel = "C1,C2,..",
                description = "Multiclass classifier: one probability column per class; a column's name is its class.")
        List<String> scores;

        @Option(names = "--prediction", paramLabel = "COL",
                description = "Predicted value (regression) or predicted class (multiclass); see --task.")
        String prediction;
    }

    @Option(names = "--task", defaultValue = "auto",
            description = "With --prediction: regression, multiclass, or auto (regression when label and prediction "
                    + "are both numeric). Default: ${DEFAULT-VALUE}.")
    PredictionTask task;

    @Option(names = "--threshold", defaultValue = "0.5", description = "Binary decision threshold: predict 1 when score >= it (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--bins", defaultValue = "" + BinaryClassificationEvaluator.DEFAULT_BINS,
            description = "Equal-width reliability bins for ECE/MCE, and equal-mass groups for adaptive ECE (default: ${DEFAULT-VALUE}).")
    int bins;

    @Option(names = "--format", defaultValue = "json", description = "json or text (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    enum PredictionTask { AUTO, REGRESSION, MULTICLASS }

    @Override
    public Integer call() {
        CsvTable table = CsvTable.read(input);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("input", input.toString());
        result.put("n", table.rowCount());
        if (output.score != null) {
            result.put("task", "binary");
            result.put("threshold", threshold);
            result.put("bins", bins);
            result.putAll(BinaryClassificationEvaluator.evaluate(table.requiredNumbers(output.score),
                    binaryLabels(table), threshold, bins).toMap());
        } else if (output.scores != null) {
            result.put("task", "multiclass");
            result.put("classes", output.scores);
            result.putAll(MulticlassEvaluator.evaluate(classIndices(table, label, output.scores),
                    probabilities(table)).toMap());
        } else if (isRegression(table)) {
            result.put("task", "regression");
            result.putAll(RegressionEvaluator.evaluate(table.requiredNumbers(label),
                    table.requiredNumbers(output.prediction)).toMap());
        } else {
            List<String> classes = new ArrayList<>(new java.util.TreeSet<>(List.of(table.requiredStrings(label))));
            for (String predicted : table.requiredStrings(output.prediction)) {
                if (!classes.contains(predicted)) {
                    classes.add(predicted);
                }
            }
            result.put("task", "multiclass");
            result.put("classes", classes);
            result.putAll(MulticlassEvaluator.evaluate(classIndices(table, label, classes),
                    classIndices(table, output.prediction, classes)).toMap());
        }
        System.out.println(format.render(result));
        return 0;
    }

    private boolean isRegression(CsvTable table) {
        return switch (task) {
            case REGRESSION -> true;
            case MULTICLASS -> false;
            case AUTO -> table.isNumeric(label) && table.isNumeric(output.prediction);
        };
    }

    private int[] binaryLabels(CsvTable table) {
        double[] values = table.requiredNumbers(label);
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0.0 && values[i] != 1.0) {
                throw new UserInputException(table.where(label, i) + ": binary label must be 0 or 1, got " + values[i]);
            }
            labels[i] = (int) values[i];
        }
        return labels;
    }

    private static int[] classIndices(CsvTable table, String column, List<String> classes) {
        String[] values = table.requiredStrings(column);
        int[] indices = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            indices[i] = classes.indexOf(values[i]);
            if (indices[i] < 0) {
                throw new UserInputException(table.where(column, i) + ": class '" + values[i]
                        + "' is not one of " + classes);
            }
        }
        return indices;
    }

    private double[][] probabilities(CsvTable table) {
        double[][] byColumn = output.scores.stream().map(table::requiredNumbers).toArray(double[][]::new);
        double[][] rows = new double[table.rowCount()][byColumn.length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < byColumn.length; c++) {
                rows[r][c] = byColumn[c][r];
            }
        }
        return rows;
    }
}
