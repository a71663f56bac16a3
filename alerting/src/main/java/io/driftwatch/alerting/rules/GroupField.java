package io.driftwatch.alerting.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What alerts are grouped by when delivered: events of one window with equal values here go out together. */
public enum GroupField {
    RULE, MODEL, VERSION, SEGMENT, FEATURE;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<GroupField> fromYaml(String name) {
        return Arrays.stream(values()).filter(g -> g.yamlName().equals(name)).findFirst();
    }
}
