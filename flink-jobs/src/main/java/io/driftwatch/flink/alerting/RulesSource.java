package io.driftwatch.flink.alerting;

import io.driftwatch.alerting.rules.RuleSet;
import io.driftwatch.alerting.rules.RulesParser;
import java.io.Serializable;
import java.util.Objects;

/**
 * A rules file's text and name, shipped inside the job's functions (a {@link RuleSet} is not serializable);
 * each function parses it when it opens. The file is read and validated once, where the job is built.
 *
 * @param yaml   the file's content
 * @param source the file name, for error messages
 */
public record RulesSource(String yaml, String source) implements Serializable {

    private static final long serialVersionUID = 1L;

    public RulesSource {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
    }

    /** @throws io.driftwatch.alerting.rules.RulesException with every error, each with line and column */
    public RuleSet parse() {
        return RulesParser.parse(yaml, source);
    }

    @Override
    public String toString() {
        return "RulesSource[" + source + ", " + yaml.length() + " characters]";
    }
}
