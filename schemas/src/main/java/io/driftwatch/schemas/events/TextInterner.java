package io.driftwatch.schemas.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small direct-mapped cache of short strings by content: the same text read again (a model id, a segment value,
 * a category) comes back as the same {@link String} instance, whose hash is computed once, instead of a new
 * string per event that every map lookup downstream hashes again. A slot holds the last string that hashed to
 * it, so memory is bounded ({@value #SLOTS} strings of at most {@value #MAX_LENGTH} chars, and their bytes when
 * read from ASCII) and a collision costs only a fresh string. Not thread-safe: one per reading thread.
 */
final class TextInterner {

    /** Power of two: the slot is the spread hash masked. Room for the repeating values of hundreds of models. */
    static final int SLOTS = 4096;
    /** Longer texts (ids, free text) rarely repeat; they are not cached. */
    static final int MAX_LENGTH = 64;
    private static final int HASH_MULTIPLIER = 31;
    private static final int SPREAD_SHIFT = 16;

    private final String[] slots = new String[SLOTS];
    /** The ASCII bytes of {@code slots[i]} when it was interned from bytes (compared in one vectorized call). */
    private final byte[][] slotBytes = new byte[SLOTS][];

    /** The string of {@code chars[offset, offset + length)}, cached when short. */
    String intern(char[] chars, int offset, int length) {
        if (length > MAX_LENGTH) {
            return new String(chars, offset, length);
        }
        int hash = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            hash = HASH_MULTIPLIER * hash + chars[i];
        }
        int slot = (hash ^ (hash >>> SPREAD_SHIFT)) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && cached.hashCode() == hash && sameText(cached, chars, offset, length)) {
            return cached;
        }
        String text = new String(chars, offset, length);
        slots[slot] = text;
        slotBytes[slot] = null;
        return text;
    }

    /** The string of ASCII bytes {@code bytes[offset, offset + length)}, cached when short. */
    String internAscii(byte[] bytes, int offset, int length) {
        if (length > MAX_LENGTH) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        int hash = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            hash = HASH_MULTIPLIER * hash + bytes[i];
        }
        int slot = (hash ^ (hash >>> SPREAD_SHIFT)) & (SLOTS - 1);
        byte[] cached = slotBytes[slot];
        if (cached != null && cached.length == length
                && Arrays.equals(bytes, offset, offset + length, cached, 0, length)) {
            return slots[slot];
        }
        String text = new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        slots[slot] = text;
        slotBytes[slot] = Arrays.copyOfRange(bytes, offset, offset + length);
        return text;
    }

    private static boolean sameText(String cached, char[] chars, int offset, int length) {
        if (cached.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (cached.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
