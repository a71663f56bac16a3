package io.driftwatch.alerting.rules;

import java.util.List;
import java.util.Optional;

/** A validated rules file: notifiers and the rules that route to them. */
public record RuleSet(List<NotifierSpec> notifiers, List<Rule> rules) {

    public RuleSet {
        notifiers = List.copyOf(notifiers);
        rules = List.copyOf(rules);
    }

    public Optional<Rule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public Optional<NotifierSpec> notifier(String name) {
        return notifiers.stream().filter(n -> n.name().equals(name)).findFirst();
    }
}
