package io.driftwatch.alerting.eval;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The evaluator's state for one (rule, series): small, immutable, and serializable to versioned bytes for
 * Flink keyed state. Times are event time, epoch milliseconds; {@link #NEVER} when not set.
 *
 * @param phase                 current phase
 * @param consecutiveBreaches   breaching windows in a row (counts towards {@code for})
 * @param consecutiveClean      clean windows in a row while firing (counts towards {@code resolve_after})
 * @param lastWindowStartMillis start of the last window applied; rows at or before it are replays and ignored
 * @param firingSinceMillis     end of the window that fired the current alert
 * @param lastNotifiedMillis    start of the window of the last fired or reminder event (for re-notify)
 */
public record AlertState(AlertPhase phase, int consecutiveBreaches, int consecutiveClean, long lastWindowStartMillis,
                         long firingSinceMillis, long lastNotifiedMillis) {

    public static final long NEVER = Long.MIN_VALUE;
    public static final AlertState INITIAL = new AlertState(AlertPhase.INACTIVE, 0, 0, NEVER, NEVER, NEVER);

    /** Format of {@link #toBytes()}; bump when the layout changes and keep reading older versions. */
    static final byte FORMAT_VERSION = 1;
    /** version byte, phase byte, two ints, three longs. */
    static final int SERIALIZED_SIZE = 1 + 1 + Integer.BYTES * 2 + Long.BYTES * 3;

    public AlertState {
        Objects.requireNonNull(phase, "phase");
        if (consecutiveBreaches < 0 || consecutiveClean < 0) {
            throw new IllegalArgumentException("negative window counts " + consecutiveBreaches + ", " + consecutiveClean);
        }
    }

    public byte[] toBytes() {
        return ByteBuffer.allocate(SERIALIZED_SIZE).put(FORMAT_VERSION).put((byte) phase.ordinal())
                .putInt(consecutiveBreaches).putInt(consecutiveClean).putLong(lastWindowStartMillis)
                .putLong(firingSinceMillis).putLong(lastNotifiedMillis).array();
    }

    /**
     * @throws IllegalArgumentException on an unknown version, a wrong length or an invalid field
     */
    public static AlertState fromBytes(byte[] bytes) {
        if (bytes.length != SERIALIZED_SIZE) {
            throw new IllegalArgumentException("alert state must be " + SERIALIZED_SIZE + " bytes, got " + bytes.length);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte version = in.get();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("unknown alert state version " + version);
        }
        int phase = in.get();
        if (phase < 0 || phase >= AlertPhase.values().length) {
            throw new IllegalArgumentException("unknown alert phase " + phase);
        }
        try {
            return new AlertState(AlertPhase.values()[phase], in.getInt(), in.getInt(), in.getLong(), in.getLong(),
                    in.getLong());
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated alert state", e);
        }
    }
}
