package io.driftwatch.app.demo;

import java.time.Instant;

/** When the injected drift begins: after a number of generated predictions or at a simulated time. */
public sealed interface DriftStart {

    /** Whether drift is active for the prediction with 0-based index {@code index} and event time {@code eventTimeMillis}. */
    boolean isActive(long index, long eventTimeMillis);

    /** Drift from the {@code count}-th prediction on (0-based: predictions {@code 0 .. count-1} are pre-drift). */
    record AfterPredictions(long count) implements DriftStart {
        public AfterPredictions {
            if (count < 0) {
                throw new IllegalArgumentException("drift start count must be >= 0, got " + count);
            }
        }

        @Override
        public boolean isActive(long index, long eventTimeMillis) {
            return index >= count;
        }
    }

    /** Drift for predictions whose simulated event time is at or after {@code time}. */
    record AtSimulatedTime(Instant time) implements DriftStart {
        public AtSimulatedTime {
            if (time == null) {
                throw new IllegalArgumentException("drift start time must not be null");
            }
        }

        @Override
        public boolean isActive(long index, long eventTimeMillis) {
            return eventTimeMillis >= time.toEpochMilli();
        }
    }

    /** No drift at all (pure reference traffic). */
    static DriftStart never() {
        return new AfterPredictions(Long.MAX_VALUE);
    }
}
