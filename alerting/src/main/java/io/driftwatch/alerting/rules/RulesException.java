package io.driftwatch.alerting.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rules file that does not validate; {@link #errors()} lists every problem, in file order. */
public final class RulesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleError> errors;

    public RulesException(List<RuleError> errors) {
        super(errors.size() + " error(s) in rules:\n" + errors.stream().map(RuleError::toString)
                .collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() {
        return errors;
    }
}
