package io.driftwatch.schemas.events;

import java.util.Arrays;

/**
 * What the name at each position of an object resolved to in the previous event: producers write the same
 * fields in the same order event after event, so comparing the bytes at a position with the previous event's
 * (one vectorized range compare) usually replaces hashing and looking up the name. Bounded by the positions
 * seen ({@value #MAX_POSITIONS} at most); not thread-safe, one per reading thread.
 *
 * @param <T> what a name resolves to (the name itself, or a known field)
 */
final class PositionalNames<T> {

    /** Positions past this are not remembered (a hostile payload with a million fields costs nothing here). */
    static final int MAX_POSITIONS = 256;
    private static final int INITIAL_POSITIONS = 32;

    private Object[] values = new Object[INITIAL_POSITIONS];
    private byte[][] names = new byte[INITIAL_POSITIONS][];

    /** What the bytes {@code in[start, start + length)} at {@code position} resolved to last time, or null. */
    @SuppressWarnings("unchecked")
    T match(int position, byte[] in, int start, int length) {
        if (position >= names.length) {
            return null;
        }
        byte[] name = names[position];
        if (name == null || name.length != length) {
            return null;
        }
        // A plain loop: names are short, and the vectorized Arrays.equals costs a stub call per name.
        for (int i = 0; i < length; i++) {
            if (in[start + i] != name[i]) {
                return null;
            }
        }
        return (T) values[position];
    }

    /** Remembers that the bytes at {@code position} resolved to {@code value}. */
    void remember(int position, byte[] in, int start, int length, T value) {
        if (position >= MAX_POSITIONS) {
            return;
        }
        if (position >= names.length) {
            int capacity = Math.min(MAX_POSITIONS, Math.max(position + 1, names.length * 2));
            names = Arrays.copyOf(names, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        names[position] = Arrays.copyOfRange(in, start, start + length);
        values[position] = value;
    }
}
