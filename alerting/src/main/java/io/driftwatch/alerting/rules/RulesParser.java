package io.driftwatch.alerting.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Parses a rules file (see RULES.md) into a validated {@link RuleSet}. */
public final class RulesParser {

    private RulesParser() {
    }

    /**
     * @param sourceName how errors name the text, e.g. its file name
     * @throws RulesException listing every problem, each with line and column
     */
    public static RuleSet parse(String yaml, String sourceName) {
        Problems problems = new Problems(sourceName);
        return RuleSetReader.read(yaml, problems).orElseThrow(() -> new RulesException(problems.sorted()));
    }

    /**
     * @throws RulesException        listing every problem
     * @throws UncheckedIOException  if the file cannot be read
     */
    public static RuleSet parse(Path file) {
        return parse(read(file), file.toString());
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules file " + file, e);
        }
    }
}
