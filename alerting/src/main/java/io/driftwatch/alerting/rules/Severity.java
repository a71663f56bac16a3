package io.driftwatch.alerting.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Alert severity; the names are PagerDuty Events API v2's {@code payload.severity} values. */
public enum Severity {
    CRITICAL, ERROR, WARNING, INFO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromYaml(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
