package io.driftwatch.alerting.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one entry of {@code rules:}, checking it against the declared notifiers. */
final class RuleReader {

    static final int MAX_WINDOWS = 10_000;
    /** Alertmanager label names (Prometheus data model). */
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    /** Labels Driftwatch sets itself on every alert. */
    static final Set<String> RESERVED_LABELS = Set.of("alertname", "rule", "severity", "model", "version", "segment",
            "feature", "metric", "dedup_key");

    private static final Set<String> RULE_KEYS = Set.of("name", "description", "selector", "condition", "for",
            "resolve_after", "severity", "labels", "runbook_url", "dashboard", "routes", "group_by",
            "renotify_interval", "correction", "evaluate_after");
    private static final Set<String> SELECTOR_KEYS = Set.of("metric", "model", "version", "segment", "feature", "test");
    private static final Set<String> CONDITION_KEYS = Set.of("value", "op", "threshold", "drift_flag");
    private static final List<String> FAMILIES = Arrays.stream(MetricFamily.values()).map(MetricFamily::yamlName).toList();
    private static final List<String> SEVERITIES = Arrays.stream(Severity.values()).map(Severity::wireName).toList();
    private static final List<String> OPS = Arrays.stream(Comparison.values()).map(Comparison::symbol).toList();
    private static final List<String> CORRECTIONS = List.of(Correction.BONFERRONI.yamlName(),
            Correction.BENJAMINI_HOCHBERG.yamlName());
    private static final List<String> GROUP_FIELDS = Arrays.stream(GroupField.values()).map(GroupField::yamlName).toList();

    private RuleReader() {
    }

    static Optional<Rule> read(YamlNode node, int index, Set<String> notifierNames, Problems problems) {
        String peekName = Fields.of(node, "", Set.of(), new Problems("scratch"))
                .flatMap(f -> f.optionalString("name")).orElse(null);
        String context = peekName == null ? "rule #" + (index + 1) : "rule '" + peekName + "'";
        Optional<Fields> maybe = Fields.of(node, context, RULE_KEYS, problems);
        if (maybe.isEmpty()) {
            return Optional.empty();
        }
        Fields f = maybe.get();
        Optional<String> name = f.requiredString("name")
                .filter(n -> Names.checkName(f, "name", n, f.node("name").orElseThrow().position()));
        String description = f.optionalString("description").orElse("");
        Optional<Selector> selector = f.required("selector").flatMap(n -> selector(n, context, problems));
        Optional<Condition> condition = f.required("condition").flatMap(n -> condition(n, context, problems));
        int forWindows = f.optionalInt("for", 1, MAX_WINDOWS).orElse(1);
        int resolveAfter = f.optionalInt("resolve_after", 1, MAX_WINDOWS).orElse(1);
        Optional<Severity> severity = f.choice("severity", true, Severity::fromYaml, SEVERITIES);
        Map<String, String> labels = labels(f);
        String runbook = f.has("runbook_url") ? Names.httpUrl(f, "runbook_url", true).map(Object::toString).orElse("") : "";
        LinkTemplate dashboard = dashboard(f);
        List<String> routes = routes(f, notifierNames);
        List<GroupField> groupBy = groupBy(f);
        Duration renotify = Names.duration(f, "renotify_interval").orElse(Duration.ZERO);
        Optional<Duration> evaluateAfter = Names.duration(f, "evaluate_after");
        Optional<Correction> correction = f.has("correction")
                ? f.choice("correction", true, Correction::fromYaml, CORRECTIONS) : Optional.of(Correction.NONE);

        boolean consistent = selector.isPresent() && condition.isPresent()
                && consistent(f, selector.get(), condition.get(), correction.orElse(Correction.NONE))
                && evaluateAfterGiven(f, selector.get());
        if (name.isEmpty() || !consistent || severity.isEmpty() || correction.isEmpty() || routes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Rule(name.get(), description, selector.get(), condition.get(), forWindows, resolveAfter,
                severity.get(), labels, runbook, dashboard, routes, groupBy, renotify, correction.get(),
                evaluateAfter.orElse(Duration.ZERO)));
    }

    private static Optional<Selector> selector(YamlNode node, String context, Problems problems) {
        Optional<Fields> maybe = Fields.of(node, context + " selector", SELECTOR_KEYS, problems);
        return maybe.flatMap(s -> {
            Optional<MetricFamily> family = s.choice("metric", true, MetricFamily::fromYaml, FAMILIES);
            Glob model = glob(s, "model");
            Glob version = glob(s, "version");
            Glob segment = glob(s, "segment");
            Glob feature = glob(s, "feature");
            Glob test = glob(s, "test");
            family.ifPresent(fam -> {
                if (!fam.hasFeature() && s.has("feature")) {
                    problems.add(s.node("feature").orElseThrow().position(), s.context() + ": metric '"
                            + fam.yamlName() + "' has no feature; remove 'feature'");
                }
                if (fam != MetricFamily.FEATURE_DRIFT && fam != MetricFamily.SCORE_DRIFT && s.has("test")) {
                    problems.add(s.node("test").orElseThrow().position(), s.context()
                            + ": 'test' applies to feature_drift and score_drift only");
                }
            });
            return family.map(fam -> new Selector(fam, model, version, segment, feature, test));
        });
    }

    private static Glob glob(Fields s, String key) {
        return s.optionalString(key).map(Glob::new).orElse(Glob.ANY);
    }

    private static Optional<Condition> condition(YamlNode node, String context, Problems problems) {
        return Fields.of(node, context + " condition", CONDITION_KEYS, problems).flatMap(c -> {
            if (c.has("drift_flag")) {
                for (String other : List.of("value", "op", "threshold")) {
                    c.node(other).ifPresent(n -> problems.add(n.position(), c.context() + ": '" + other
                            + "' cannot be combined with 'drift_flag'"));
                }
                return c.requiredBoolean("drift_flag").flatMap(flag -> {
                    if (!flag) {
                        problems.add(c.node("drift_flag").orElseThrow().position(), c.context()
                                + ": 'drift_flag' can only be true (alert when the row's own decision is drift)");
                        return Optional.empty();
                    }
                    return Optional.of(new Condition.DriftFlag());
                });
            }
            Optional<String> value = c.requiredString("value");
            Optional<Comparison> op = c.choice("op", true, Comparison::fromSymbol, OPS);
            Optional<Double> threshold = c.requiredNumber("threshold");
            if (value.isEmpty() || op.isEmpty() || threshold.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Condition.Threshold(value.get(), op.get(), threshold.get()));
        });
    }

    /** Checks that need selector, condition and correction together; records problems, true when fine. */
    /** Revised families (label metrics) need an explicit judgement time: no default fits every label delay. */
    private static boolean evaluateAfterGiven(Fields f, Selector selector) {
        if (!selector.family().revised() || f.has("evaluate_after")) {
            return true;
        }
        f.problems().add(f.node("selector").orElseThrow().position(), f.context() + ": metric '"
                + selector.family().yamlName() + "' is revised as labels arrive; set 'evaluate_after' (e.g. 6h),"
                + " the event time after a window's end at which it is judged");
        return false;
    }

    private static boolean consistent(Fields f, Selector selector, Condition condition, Correction correction) {
        MetricFamily family = selector.family();
        SourcePosition at = f.node("condition").orElseThrow().position();
        boolean ok = true;
        if (condition instanceof Condition.DriftFlag && !family.hasDriftFlag()) {
            f.problems().add(at, f.context() + ": metric '" + family.yamlName() + "' has no drift flag;"
                    + " use value/op/threshold");
            ok = false;
        }
        if (condition instanceof Condition.Threshold t && !family.valueNames().contains(t.value())) {
            f.problems().add(at, f.context() + ": metric '" + family.yamlName() + "' has no value '" + t.value()
                    + "'; values: " + String.join(", ", new java.util.TreeSet<>(family.valueNames())));
            ok = false;
        }
        if (correction != Correction.NONE) {
            SourcePosition c = f.node("correction").orElseThrow().position();
            boolean pValueBelow = condition instanceof Condition.Threshold t && t.value().equals(MetricFamily.P_VALUE)
                    && (t.comparison() == Comparison.LESS || t.comparison() == Comparison.LESS_OR_EQUAL)
                    && t.threshold() > 0 && t.threshold() < 1;
            if (!pValueBelow) {
                f.problems().add(c, f.context() + ": a correction needs the condition 'p_value <= alpha'"
                        + " (or '<') with alpha in (0, 1)");
                ok = false;
            }
        }
        return ok;
    }

    private static Map<String, String> labels(Fields f) {
        Map<String, String> labels = new LinkedHashMap<>();
        f.stringMap("labels").forEach((k, v) -> {
            if (!LABEL_NAME.matcher(k).matches() || RESERVED_LABELS.contains(k)) {
                f.problems().add(v.position(), f.context() + ": label '" + k + "' must match [a-zA-Z_][a-zA-Z0-9_]*"
                        + " and not be one Driftwatch sets (" + String.join(", ", new java.util.TreeSet<>(RESERVED_LABELS)) + ")");
            } else {
                labels.put(k, v.value());
            }
        });
        return labels;
    }

    private static LinkTemplate dashboard(Fields f) {
        return f.optionalString("dashboard").map(text -> {
            LinkTemplate template = new LinkTemplate(text);
            SourcePosition at = f.node("dashboard").orElseThrow().position();
            List<String> unknown = template.unknownPlaceholders();
            if (!unknown.isEmpty()) {
                f.problems().add(at, f.context() + ": unknown placeholder(s) " + unknown + " in 'dashboard'; known: "
                        + Arrays.stream(LinkTemplate.Placeholder.values()).map(p -> "{" + p.yamlName() + "}").toList());
                return LinkTemplate.NONE;
            }
            if (!text.startsWith("http://") && !text.startsWith("https://")) {
                f.problems().add(at, f.context() + ": 'dashboard' must be an http or https URL template");
                return LinkTemplate.NONE;
            }
            return template;
        }).orElse(LinkTemplate.NONE);
    }

    private static List<String> routes(Fields f, Set<String> notifierNames) {
        if (f.required("routes").isEmpty()) {
            return List.of();
        }
        List<String> routes = new ArrayList<>();
        List<Fields.Located<String>> listed = f.stringList("routes");
        if (listed.isEmpty() && f.node("routes").orElseThrow() instanceof YamlNode.Sequence) {
            f.problems().add(f.node("routes").orElseThrow().position(), f.context() + ": 'routes' is empty");
        }
        for (Fields.Located<String> route : listed) {
            if (!notifierNames.contains(route.value())) {
                f.problems().add(route.position(), f.context() + ": route '" + route.value()
                        + "' is not a declared notifier; declared: " + new java.util.TreeSet<>(notifierNames));
            } else if (routes.contains(route.value())) {
                f.problems().add(route.position(), f.context() + ": route '" + route.value() + "' is listed twice");
            } else {
                routes.add(route.value());
            }
        }
        return routes.size() == listed.size() ? routes : List.of();
    }

    private static List<GroupField> groupBy(Fields f) {
        if (!f.has("group_by")) {
            return List.of(GroupField.values());
        }
        List<GroupField> fields = new ArrayList<>();
        for (Fields.Located<String> item : f.stringList("group_by")) {
            Optional<GroupField> g = GroupField.fromYaml(item.value());
            if (g.isEmpty()) {
                f.problems().add(item.position(), f.context() + ": group_by field '" + item.value() + "'; accepted: "
                        + String.join(", ", GROUP_FIELDS));
            } else if (!fields.contains(g.get())) {
                fields.add(g.get());
            }
        }
        return fields;
    }
}
