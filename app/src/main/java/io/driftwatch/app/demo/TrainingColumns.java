package io.driftwatch.app.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training dataset held in memory by column.
 *
 * @param names       column names in CSV order
 * @param numeric     numeric columns (feature name to values, one per row)
 * @param categorical string and boolean columns (booleans as {@code "true"}/{@code "false"}, as in the CSV)
 */
public record TrainingColumns(List<String> names, Map<String, double[]> numeric, Map<String, List<String>> categorical) {

    public TrainingColumns {
        names = List.copyOf(names);
        numeric = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numeric));
        categorical = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categorical));
    }

    /** A copy of a numeric column; {@link IllegalArgumentException} when there is no such numeric column. */
    public double[] numbers(String name) {
        double[] values = numeric.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no numeric column '" + name + "'; numeric columns: " + numeric.keySet());
        }
        return values.clone();
    }

    /** A categorical column; {@link IllegalArgumentException} when there is no such categorical column. */
    public List<String> strings(String name) {
        List<String> values = categorical.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no categorical column '" + name + "'; categorical columns: "
                    + categorical.keySet());
        }
        return values;
    }
}
