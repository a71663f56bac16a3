package io.driftwatch.alerting.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validation without exceptions, for {@code driftwatch rules validate FILE}: every problem of the file, each
 * with line and column, in file order; an empty list means the file is valid. Secret values are never part
 * of a message.
 */
public final class RulesValidator {

    private RulesValidator() {
    }

    /** Errors of the file; a missing or unreadable file is one error at 1:1. */
    public static List<RuleError> validate(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return List.of(new RuleError(file.toString(), 1, 1, "no readable rules file at " + file));
        }
        return validate(RulesParser.read(file), file.toString());
    }

    public static List<RuleError> validate(String yaml, String sourceName) {
        Problems problems = new Problems(sourceName);
        RuleSetReader.read(yaml, problems);
        return problems.sorted();
    }
}
