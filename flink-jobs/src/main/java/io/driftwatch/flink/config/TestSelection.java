package io.driftwatch.flink.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.driftwatch.detectors.drift.DriftTestId;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which drift tests run on a feature: {@code auto} (chosen from the feature's type: numeric or categorical) or
 * an explicit list of {@link DriftTestId} ids.
 *
 * @param tests the explicit tests; empty means {@code auto}
 */
public record TestSelection(List<DriftTestId> tests) implements Serializable {

    public static final String AUTO_WORD = "auto";
    public static final TestSelection AUTO = new TestSelection(List.of());

    public TestSelection {
        tests = List.copyOf(tests);
    }

    public boolean isAuto() {
        return tests.isEmpty();
    }

    @Override
    public String toString() {
        return isAuto() ? AUTO_WORD : "[" + String.join(", ", tests.stream().map(DriftTestId::id).toList()) + "]";
    }

    /** {@code auto} or a non-empty list of test ids. */
    static ValueType<TestSelection> type() {
        return new ValueType<>() {
            @Override
            public String typeName() {
                return "`auto` or list of test ids";
            }

            @Override
            public TestSelection read(ConfigNode value) {
                return TestSelection.read(value);
            }

            @Override
            public String format(TestSelection value) {
                return value.toString();
            }
        };
    }

    static TestSelection read(ConfigNode value) {
        JsonNode json = value.json();
        if (json.isTextual() && json.textValue().equals(AUTO_WORD)) {
            return AUTO;
        }
        if (!json.isArray() || json.isEmpty()) {
            value.error("must be '" + AUTO_WORD + "' or a non-empty list of test ids, e.g. [ks, psi]; got "
                    + ValueTypes.describe(json) + Suggestions.didYouMean(json.asText(), List.of(AUTO_WORD)));
            return null;
        }
        Set<DriftTestId> tests = new LinkedHashSet<>();
        boolean ok = true;
        for (int i = 0; i < json.size(); i++) {
            DriftTestId test = ValueTypes.keyword(value.child(String.valueOf(i), json.get(i)), DriftTestId.values(), DriftTestId::id);
            if (test == null) {
                ok = false;
            } else if (!tests.add(test)) {
                value.error("lists '" + test.id() + "' twice");
                ok = false;
            }
        }
        return ok ? new TestSelection(List.copyOf(tests)) : null;
    }

    static String knownIds() {
        return String.join(", ", Arrays.stream(DriftTestId.values()).map(DriftTestId::id).toList());
    }
}
