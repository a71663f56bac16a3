package io.driftwatch.schemas.events;

import java.util.Arrays;

/**
 * What the name at each position of an object resolved to in the previous event: producers write the same
 * fields in the same order event after event, so comparing the bytes at a position with the previous event's
 * (usually one word compare) replaces hashing and looking up the name. Bounded by the positions
 * seen ({@value #MAX_POSITIONS} at most); not thread-safe, one per reading thread.
 *
 * @param <T> what a name resolves to (the name itself, or a known field)
 */
final class PositionalNames<T> {

    /** Positions past this are not remembered (a hostile payload with a million fields costs nothing here). */
    static final int MAX_POSITIONS = 256;
    private static final int INITIAL_POSITIONS = 32;
    private static final int BYTE_MASK = 0xFF;

    private Object[] values = new Object[INITIAL_POSITIONS];
    /** The names remembered, each followed by its closing quote, and their first eight bytes as a word. */
    private byte[][] quotedNames = new byte[INITIAL_POSITIONS][];
    private long[] heads = new long[INITIAL_POSITIONS];

    /**
     * What the name at {@code position} resolved to last time, when the same name is written at {@code in[start]}
     * (just after its opening quote) and closed by a quote; else null. Saves scanning the name for its end first.
     * The remembered bytes were a plain string when remembered, so an equal run closed by a quote is one too.
     * Compared eight bytes at a time: names are short, so this is usually one masked word compare.
     */
    @SuppressWarnings("unchecked")
    T matchQuoted(int position, byte[] in, int start) {
        if (position >= quotedNames.length) {
            return null;
        }
        byte[] quoted = quotedNames[position];
        if (quoted == null) {
            return null;
        }
        int n = quoted.length;
        if (start + n > in.length) {
            return null;
        }
        boolean equal;
        if (n >= AsciiWords.BYTES) {
            equal = true;
            for (int i = 0; equal && i < n - AsciiWords.BYTES; i += AsciiWords.BYTES) {
                equal = AsciiWords.word(in, start + i) == AsciiWords.word(quoted, i);
            }
            int last = n - AsciiWords.BYTES;
            equal = equal && AsciiWords.word(in, start + last) == AsciiWords.word(quoted, last);
        } else if (start + AsciiWords.BYTES <= in.length) {
            long mask = -1L >>> ((AsciiWords.BYTES - n) * Byte.SIZE);
            equal = ((AsciiWords.word(in, start) ^ heads[position]) & mask) == 0;
        } else {
            equal = Arrays.equals(in, start, start + n, quoted, 0, n);
        }
        return equal ? (T) values[position] : null;
    }

    /** Length in bytes of the name remembered at {@code position} (without its quote). */
    int length(int position) {
        return quotedNames[position].length - 1;
    }

    /** Remembers that the bytes at {@code position} resolved to {@code value}. */
    void remember(int position, byte[] in, int start, int length, T value) {
        if (position >= MAX_POSITIONS) {
            return;
        }
        if (position >= quotedNames.length) {
            int capacity = Math.min(MAX_POSITIONS, Math.max(position + 1, quotedNames.length * 2));
            values = Arrays.copyOf(values, capacity);
            quotedNames = Arrays.copyOf(quotedNames, capacity);
            heads = Arrays.copyOf(heads, capacity);
        }
        values[position] = value;
        byte[] quoted = Arrays.copyOfRange(in, start, start + length + 1);
        quoted[length] = '"';
        quotedNames[position] = quoted;
        long head = 0;
        for (int i = Math.min(AsciiWords.BYTES, quoted.length) - 1; i >= 0; i--) {
            head = (head << Byte.SIZE) | (quoted[i] & BYTE_MASK);
        }
        heads[position] = head;
    }
}
