package io.driftwatch.alerting.eval;

import io.driftwatch.alerting.rules.Condition;
import io.driftwatch.alerting.rules.LinkTemplate;
import io.driftwatch.alerting.rules.MetricFamily;
import io.driftwatch.alerting.rules.Rule;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The per-(rule, series) step: applies one window's verdict to the state, in event-time order.
 * <ul>
 *   <li>inactive/resolved → pending on a breach; → firing (event FIRED) once {@code for} consecutive
 *       windows breached (with {@code for: 1} the first breach fires);</li>
 *   <li>pending → inactive on a clean window (the breach count restarts);</li>
 *   <li>firing → resolved (event RESOLVED) after {@code resolve_after} consecutive clean windows; a breach
 *       in between restarts that count (hysteresis); a breach at least {@code renotify_interval} of event
 *       time after the last announcement emits REMINDER;</li>
 *   <li>NO_DATA changes no count; a window starting at or before the last applied one is a replay (after a
 *       restart from a checkpoint) and is ignored, so a page is neither lost nor repeated.</li>
 * </ul>
 * Missing windows (no row at all) are not seen and so behave like NO_DATA.
 */
public final class SeriesStateMachine {

    private SeriesStateMachine() {
    }

    /** The next state and the event the window caused, if any. */
    public record Step(AlertState state, Optional<AlertEvent> event) {
        public Step {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(event, "event");
        }
    }

    public static Step step(Rule rule, AlertState state, SeriesVerdict verdict) {
        MetricObservation row = verdict.observation();
        long start = row.windowStart().toEpochMilli();
        if (state.lastWindowStartMillis() != AlertState.NEVER && start <= state.lastWindowStartMillis()) {
            return new Step(state, Optional.empty());
        }
        long end = row.windowEnd().toEpochMilli();
        int breaches = state.consecutiveBreaches();
        int cleans = state.consecutiveClean();
        switch (verdict.verdict()) {
            case NO_DATA:
                return new Step(with(state, state.phase(), breaches, cleans, start), Optional.empty());
            case BREACH:
                breaches++;
                cleans = 0;
                if (state.phase() == AlertPhase.FIRING) {
                    boolean remind = !rule.renotifyInterval().isZero()
                            && start - state.lastNotifiedMillis() >= rule.renotifyInterval().toMillis();
                    AlertState next = new AlertState(AlertPhase.FIRING, breaches, 0, start, state.firingSinceMillis(),
                            remind ? start : state.lastNotifiedMillis());
                    return new Step(next, remind ? Optional.of(event(EventKind.REMINDER, rule, verdict, next))
                            : Optional.empty());
                }
                if (breaches >= rule.forWindows()) {
                    AlertState next = new AlertState(AlertPhase.FIRING, breaches, 0, start, end, start);
                    return new Step(next, Optional.of(event(EventKind.FIRED, rule, verdict, next)));
                }
                return new Step(with(state, AlertPhase.PENDING, breaches, 0, start), Optional.empty());
            case CLEAN:
                if (state.phase() == AlertPhase.FIRING) {
                    cleans++;
                    if (cleans >= rule.resolveAfter()) {
                        AlertState next = new AlertState(AlertPhase.RESOLVED, 0, 0, start, state.firingSinceMillis(),
                                state.lastNotifiedMillis());
                        return new Step(next, Optional.of(event(EventKind.RESOLVED, rule, verdict, next)));
                    }
                    return new Step(with(state, AlertPhase.FIRING, 0, cleans, start), Optional.empty());
                }
                return new Step(new AlertState(AlertPhase.INACTIVE, 0, 0, start, AlertState.NEVER,
                        state.lastNotifiedMillis()), Optional.empty());
            default:
                throw new AssertionError(verdict.verdict());
        }
    }

    private static AlertState with(AlertState s, AlertPhase phase, int breaches, int cleans, long start) {
        return new AlertState(phase, breaches, cleans, start, s.firingSinceMillis(), s.lastNotifiedMillis());
    }

    private static AlertEvent event(EventKind kind, Rule rule, SeriesVerdict verdict, AlertState state) {
        MetricObservation row = verdict.observation();
        SeriesKey series = row.series();
        String valueName = rule.condition() instanceof Condition.Threshold t ? t.value() : "statistic";
        return new AlertEvent(kind, rule.name(), rule.description(), rule.severity(), row.family(), series, row.test(),
                DedupKeys.of(rule.name(), series), row.windowStart(), row.windowEnd(),
                Instant.ofEpochMilli(state.firingSinceMillis()), rule.condition().describe(), valueName,
                verdict.value(), verdict.threshold(), row.value("statistic"), row.value(MetricFamily.P_VALUE),
                verdict.adjustedPValue(), row.baseline(), rule.labels(), rule.runbookUrl(),
                dashboard(rule, row), rule.routes());
    }

    private static String dashboard(Rule rule, MetricObservation row) {
        if (rule.dashboard().template().isEmpty()) {
            return "";
        }
        Map<LinkTemplate.Placeholder, String> values = new EnumMap<>(LinkTemplate.Placeholder.class);
        values.put(LinkTemplate.Placeholder.RULE, rule.name());
        values.put(LinkTemplate.Placeholder.MODEL, row.series().model());
        values.put(LinkTemplate.Placeholder.VERSION, row.series().version());
        values.put(LinkTemplate.Placeholder.SEGMENT, row.series().segment());
        values.put(LinkTemplate.Placeholder.FEATURE, row.series().feature());
        values.put(LinkTemplate.Placeholder.WINDOW_START, row.windowStart().toString());
        values.put(LinkTemplate.Placeholder.WINDOW_END, row.windowEnd().toString());
        values.put(LinkTemplate.Placeholder.WINDOW_START_MS, Long.toString(row.windowStart().toEpochMilli()));
        values.put(LinkTemplate.Placeholder.WINDOW_END_MS, Long.toString(row.windowEnd().toEpochMilli()));
        return rule.dashboard().render(values);
    }
}
