package io.driftwatch.alerting.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads a whole rules file into a {@link RuleSet}, recording every problem on the way. */
final class RuleSetReader {

    /** The only rules-file format version so far. */
    static final int FORMAT_VERSION = 1;
    private static final Set<String> TOP_KEYS = Set.of("version", "notifiers", "rules");

    private RuleSetReader() {
    }

    /** The rule set, or empty when any problem was recorded. */
    static Optional<RuleSet> read(String text, Problems problems) {
        YamlNode root = new YamlTreeReader(problems).read(text);
        if (root == null) {
            return Optional.empty();
        }
        Optional<Fields> maybe = Fields.of(root, "rules file", TOP_KEYS, problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Fields top = maybe.get();
        top.optionalInt("version", FORMAT_VERSION, FORMAT_VERSION);

        List<NotifierSpec> notifiers = new ArrayList<>();
        Set<String> notifierNames = new LinkedHashSet<>();
        List<YamlNode> notifierNodes = items(top, "notifiers", false);
        Map<String, SourcePosition> seenNotifiers = new HashMap<>();
        for (int i = 0; i < notifierNodes.size(); i++) {
            YamlNode node = notifierNodes.get(i);
            Optional<NotifierSpec> spec = NotifierReader.read(node, i, problems);
            Optional<String> name = spec.map(NotifierSpec::name).or(() -> peekName(node));
            name.ifPresent(n -> {
                if (seenNotifiers.putIfAbsent(n, node.position()) != null) {
                    problems.add(node.position(), "notifier '" + n + "' is declared twice (first at "
                            + seenNotifiers.get(n) + ")");
                }
                notifierNames.add(n);
            });
            spec.ifPresent(notifiers::add);
        }

        List<Rule> rules = new ArrayList<>();
        List<YamlNode> ruleNodes = items(top, "rules", true);
        Map<String, SourcePosition> seenRules = new HashMap<>();
        for (int i = 0; i < ruleNodes.size(); i++) {
            YamlNode node = ruleNodes.get(i);
            Optional<Rule> rule = RuleReader.read(node, i, notifierNames, problems);
            rule.map(Rule::name).or(() -> peekName(node)).ifPresent(n -> {
                if (seenRules.putIfAbsent(n, node.position()) != null) {
                    problems.add(node.position(), "rule '" + n + "' is declared twice (first at " + seenRules.get(n) + ")");
                }
            });
            rule.ifPresent(rules::add);
        }
        return problems.isEmpty() ? Optional.of(new RuleSet(notifiers, rules)) : Optional.empty();
    }

    private static List<YamlNode> items(Fields top, String key, boolean required) {
        Optional<YamlNode> node = required ? top.required(key) : top.node(key);
        if (node.isEmpty()) {
            return List.of();
        }
        if (node.get() instanceof YamlNode.Sequence seq) {
            if (required && seq.items().isEmpty()) {
                top.problems().add(seq.position(), "rules file: '" + key + "' is empty");
            }
            return seq.items();
        }
        top.problems().add(node.get().position(), "rules file: '" + key + "' must be a list, found " + node.get().kindName());
        return List.of();
    }

    private static Optional<String> peekName(YamlNode node) {
        return Fields.of(node, "", Set.of(), new Problems("scratch")).flatMap(f -> f.optionalString("name"));
    }
}
