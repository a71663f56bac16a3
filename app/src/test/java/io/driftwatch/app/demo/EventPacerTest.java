package io.driftwatch.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacer on a fake clock: sleeping advances the clock, nothing really sleeps. */
class EventPacerTest {

    private static final long MILLI = 1_000_000L;

    /** A clock that only moves when slept on or advanced by the test. */
    private static final class FakeClock implements EventPacer.Clock {
        long now = 5 * MILLI;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    @Test
    void paceIsTheTargetRate() throws InterruptedException {
        FakeClock clock = new FakeClock();
        EventPacer pacer = new EventPacer(100, clock);
        long start = clock.now;
        for (int i = 0; i < 1000; i++) {
            pacer.acquire();
        }
        // 1000 permits at 100/s: the last is due 999 intervals of 10 ms after the first.
        assertThat(clock.now - start).isEqualTo(999 * 10 * MILLI);
        assertThat(clock.sleeps).hasSize(999).allMatch(nanos -> nanos == 10 * MILLI);
    }

    @Test
    void aSlowCallerCatchesUpWithoutSleepingButAtMostTheCatchUpWorth() {
        FakeClock clock = new FakeClock();
        EventPacer pacer = new EventPacer(100, Duration.ofMillis(50), clock);
        assertThat(pacer.reserveNanos()).isZero();
        clock.now += 30 * MILLI; // 3 permits behind: within the 50 ms catch-up
        assertThat(pacer.reserveNanos()).isZero();
        assertThat(pacer.reserveNanos()).isZero();
        assertThat(pacer.reserveNanos()).isZero();
        assertThat(pacer.reserveNanos()).isEqualTo(10 * MILLI);

        clock.now += 1000 * MILLI; // a long stall: the schedule restarts instead of bursting 100 permits
        assertThat(pacer.reserveNanos()).isZero();
        assertThat(pacer.reserveNanos()).isEqualTo(10 * MILLI);
    }

    @Test
    void badRatesAreRejected() {
        FakeClock clock = new FakeClock();
        assertThatThrownBy(() -> new EventPacer(0, clock)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("events per second");
        assertThatThrownBy(() -> new EventPacer(Double.NaN, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventPacer(10, Duration.ofMillis(-1), clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("catch-up");
    }

    @Test
    void accelerationTurnsARealRateIntoASimulatedGap() {
        assertThat(ClockAcceleration.DEFAULT.meanInterArrival(200)).isEqualTo(Duration.ofSeconds(3));
        assertThat(new ClockAcceleration(Duration.ofMinutes(1)).meanInterArrival(60)).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> ClockAcceleration.DEFAULT.meanInterArrival(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClockAcceleration(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
