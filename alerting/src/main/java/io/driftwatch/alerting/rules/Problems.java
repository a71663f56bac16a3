package io.driftwatch.alerting.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every error of one rules file, so a user sees all of them at once. */
final class Problems {

    private final String source;
    private final List<RuleError> errors = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    void add(SourcePosition at, String message) {
        errors.add(new RuleError(source, at.line(), at.column(), message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The errors by line, then column (stable for errors at the same place). */
    List<RuleError> sorted() {
        List<RuleError> copy = new ArrayList<>(errors);
        copy.sort(Comparator.comparingInt(RuleError::line).thenComparingInt(RuleError::column));
        return List.copyOf(copy);
    }
}
