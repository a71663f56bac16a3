package io.driftwatch.alerting.eval;

import io.driftwatch.alerting.rules.Rule;
import io.driftwatch.alerting.rules.RuleSet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Evaluates a rule set over metric rows in memory: the batch step ({@link WindowJudge}) per rule and
 * window, then the per-series step ({@link SeriesStateMachine}). This is what {@code rules backtest} and
 * tests use; the Flink operator does the same two steps with the state in keyed state. Not thread-safe.
 */
public final class Evaluator {

    /** Identity of one piece of state. */
    public record StateKey(String rule, SeriesKey series) {
        public StateKey {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(series, "series");
        }
    }

    private final RuleSet rules;
    private final Map<StateKey, AlertState> states = new HashMap<>();

    public Evaluator(RuleSet rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Applies rows, which may span several windows: windows are taken in event-time order (by start, then
     * end), rules in file order, series in row order. Rows of a window already applied are ignored.
     *
     * @return the events caused, in that order
     */
    public List<AlertEvent> evaluate(Collection<MetricObservation> rows) {
        Map<Instant, Map<Instant, List<MetricObservation>>> byWindow = new TreeMap<>();
        for (MetricObservation row : rows) {
            byWindow.computeIfAbsent(row.windowStart(), k -> new TreeMap<>())
                    .computeIfAbsent(row.windowEnd(), k -> new ArrayList<>()).add(row);
        }
        List<AlertEvent> events = new ArrayList<>();
        byWindow.values().forEach(byEnd -> byEnd.values().forEach(window -> events.addAll(evaluateWindow(window))));
        return events;
    }

    private List<AlertEvent> evaluateWindow(List<MetricObservation> window) {
        List<AlertEvent> events = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            for (SeriesVerdict verdict : WindowJudge.judge(rule, window)) {
                StateKey key = new StateKey(rule.name(), verdict.observation().series());
                SeriesStateMachine.Step step = SeriesStateMachine.step(rule, state(key), verdict);
                states.put(key, step.state());
                step.event().ifPresent(events::add);
            }
        }
        return events;
    }

    /** Groups events (of any rules and windows) for delivery: per rule and window, by the rule's group_by. */
    public List<AlertGroup> group(List<AlertEvent> events) {
        Map<List<Object>, List<AlertEvent>> byRuleAndWindow = new LinkedHashMap<>();
        for (AlertEvent e : events) {
            byRuleAndWindow.computeIfAbsent(List.of(e.rule(), e.windowStart(), e.windowEnd()), k -> new ArrayList<>()).add(e);
        }
        List<AlertGroup> groups = new ArrayList<>();
        byRuleAndWindow.forEach((k, list) -> groups.addAll(AlertGroup.group(
                rules.rule((String) k.get(0)).orElseThrow(() -> new IllegalArgumentException("unknown rule " + k.get(0))),
                list)));
        return groups;
    }

    public AlertState state(StateKey key) {
        return states.getOrDefault(key, AlertState.INITIAL);
    }

    /** Every state as versioned bytes, as a checkpoint would hold them. */
    public Map<StateKey, byte[]> snapshot() {
        Map<StateKey, byte[]> out = new TreeMap<>(Comparator.comparing(StateKey::rule)
                .thenComparing(k -> k.series().toString()));
        states.forEach((k, v) -> out.put(k, v.toBytes()));
        return out;
    }

    /** An evaluator that continues from a {@link #snapshot()}. */
    public static Evaluator restore(RuleSet rules, Map<StateKey, byte[]> snapshot) {
        Evaluator e = new Evaluator(rules);
        snapshot.forEach((k, bytes) -> e.states.put(k, AlertState.fromBytes(bytes)));
        return e;
    }
}
