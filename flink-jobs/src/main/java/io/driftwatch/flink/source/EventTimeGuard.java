package io.driftwatch.flink.source;

import io.driftwatch.flink.config.LimitsConfig;
import io.driftwatch.schemas.events.ParseFailure;
import io.driftwatch.schemas.events.ParseFailureReason;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Rejects events whose event time is implausibly far from their Kafka record timestamp (which a replay does not
 * change, so the decision is the same on every run). One event from the far future would move its partition's
 * watermark ahead and turn everything after it late; one from the far past opens a window that fires at once.
 * Each bound is off when zero ({@code limits.max_event_time_ahead}, {@code limits.max_event_time_behind}).
 * Records without a timestamp (negative) are not checked.
 */
public record EventTimeGuard(Duration maxAhead, Duration maxBehind) implements Serializable {

    public static EventTimeGuard of(LimitsConfig limits) {
        return new EventTimeGuard(limits.maxEventTimeAhead(), limits.maxEventTimeBehind());
    }

    /** The failure of an event at {@code eventTimeMillis} in a record stamped {@code recordTimeMillis}, if any. */
    public Optional<ParseFailure> check(long eventTimeMillis, long recordTimeMillis) {
        if (recordTimeMillis < 0) {
            return Optional.empty();
        }
        if (!maxAhead.isZero() && eventTimeMillis - recordTimeMillis > maxAhead.toMillis()) {
            return Optional.of(failure(eventTimeMillis, recordTimeMillis, "ahead of", maxAhead, "max_event_time_ahead"));
        }
        if (!maxBehind.isZero() && recordTimeMillis - eventTimeMillis > maxBehind.toMillis()) {
            return Optional.of(failure(eventTimeMillis, recordTimeMillis, "behind", maxBehind, "max_event_time_behind"));
        }
        return Optional.empty();
    }

    private static ParseFailure failure(long event, long record, String relation, Duration bound, String option) {
        return new ParseFailure(ParseFailureReason.INVALID_TIMESTAMP, "timestamp " + Instant.ofEpochMilli(event)
                + " is more than " + bound + " " + relation + " the record time " + Instant.ofEpochMilli(record)
                + " (limits." + option + ")");
    }
}
