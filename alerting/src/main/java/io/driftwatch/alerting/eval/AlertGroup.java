package io.driftwatch.alerting.eval;

import io.driftwatch.alerting.rules.GroupField;
import io.driftwatch.alerting.rules.Rule;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Events of one rule and one window that share the rule's {@code group_by} values: delivered as one
 * notification (one Slack message, one webhook body, one Alertmanager post; PagerDuty still gets one event
 * per series, with {@code payload.group} set to {@link #groupKey()}).
 *
 * @param key      the group_by fields and their values
 * @param groupKey readable, stable form of the key, e.g. {@code rule=drift,model=fraud}
 * @param events   in evaluation order; all of one rule
 */
public record AlertGroup(String rule, Map<GroupField, String> key, String groupKey, List<AlertEvent> events) {

    public AlertGroup {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(groupKey, "groupKey");
        key = Map.copyOf(key);
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an alert group needs at least one event");
        }
    }

    /**
     * Groups events of one rule by its group_by fields, in order of first appearance.
     *
     * @throws IllegalArgumentException if an event is of another rule
     */
    public static List<AlertGroup> group(Rule rule, List<AlertEvent> events) {
        Map<Map<GroupField, String>, List<AlertEvent>> groups = new LinkedHashMap<>();
        for (AlertEvent e : events) {
            if (!e.rule().equals(rule.name())) {
                throw new IllegalArgumentException("event of rule " + e.rule() + " grouped under rule " + rule.name());
            }
            Map<GroupField, String> key = new EnumMap<>(GroupField.class);
            for (GroupField f : rule.groupBy()) {
                key.put(f, value(f, e));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
        }
        List<AlertGroup> out = new ArrayList<>();
        groups.forEach((key, list) -> out.add(new AlertGroup(rule.name(), key, keyText(key), list)));
        return out;
    }

    private static String value(GroupField field, AlertEvent e) {
        switch (field) {
            case RULE: return e.rule();
            case MODEL: return e.series().model();
            case VERSION: return e.series().version();
            case SEGMENT: return e.series().segment();
            case FEATURE: return e.series().feature();
            default: throw new AssertionError(field);
        }
    }

    private static String keyText(Map<GroupField, String> key) {
        return key.entrySet().stream().map(en -> en.getKey().yamlName() + "=" + en.getValue())
                .collect(Collectors.joining(","));
    }
}
