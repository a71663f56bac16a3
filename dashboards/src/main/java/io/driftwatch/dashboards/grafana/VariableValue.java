package io.driftwatch.dashboards.grafana;

import java.util.List;

/**
 * The current value of a template variable: one value, or a list for a multi-value variable (also when a
 * single option is selected, as Grafana passes it).
 */
public record VariableValue(List<String> values, boolean multi) {

    /** @throws IllegalArgumentException when there is no value, or several for a single-value variable */
    public VariableValue {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a template variable needs at least one value");
        }
        if (!multi && values.size() != 1) {
            throw new IllegalArgumentException("a single-value variable has exactly one value, got " + values);
        }
    }

    public static VariableValue single(String value) {
        return new VariableValue(List.of(value), false);
    }

    public static VariableValue multi(List<String> values) {
        return new VariableValue(values, true);
    }
}
