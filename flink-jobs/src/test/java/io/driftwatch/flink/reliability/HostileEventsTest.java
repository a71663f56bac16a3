package io.driftwatch.flink.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.flink.source.EventTimeGuard;
import io.driftwatch.schemas.events.EventParser;
import io.driftwatch.schemas.events.ParseFailure;
import io.driftwatch.schemas.events.ParseResult;
import io.driftwatch.schemas.events.PredictionEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fuzzer's generator: every bad kind fails with its reason, every good flavour parses. */
class HostileEventsTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final int SAMPLES_PER_KIND = 50;

    static ParseFailure failureOf(byte[] payload, long recordTime, EventTimeGuard guard) {
        ParseResult<PredictionEvent> parsed = new EventParser().parsePrediction(payload);
        return parsed.isOk() ? guard.check(parsed.event().eventTimeMillis(), recordTime).orElse(null) : parsed.failure();
    }

    @Test
    void eachBadKindFailsWithItsReasonAndGoodEventsParse() {
        HostileEvents events = new HostileEvents(NOW - Duration.ofMinutes(30).toMillis(), 1);
        EventTimeGuard guard = new EventTimeGuard(Duration.ofHours(1), Duration.ofDays(1));
        Map<HostileEvents.Bad, String> wrong = new EnumMap<>(HostileEvents.Bad.class);
        for (HostileEvents.Bad kind : HostileEvents.Bad.values()) {
            int samples = kind == HostileEvents.Bad.TEN_MEGABYTES ? 1 : SAMPLES_PER_KIND;
            for (long seq = 0; seq < samples; seq++) {
                ParseFailure failure = failureOf(events.bad(kind, seq), NOW, guard);
                if (failure == null || failure.reason() != kind.reason) {
                    wrong.putIfAbsent(kind, "#" + seq + ": " + (failure == null ? "valid" : failure.reason() + " "
                            + failure.detail()));
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(events.bad(HostileEvents.Bad.TEN_MEGABYTES, 0).length).isGreaterThan(HostileEvents.TEN_MEGABYTES);
        assertThat(failureOf(events.goodKnown(3).getBytes(StandardCharsets.UTF_8), NOW, guard)).isNull();
        assertThat(failureOf(events.good(4, "never-configured", "p-3", "c4", "ch4").getBytes(StandardCharsets.UTF_8),
                NOW, guard)).isNull();
    }
}
