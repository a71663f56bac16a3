package io.driftwatch.schemas.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small direct-mapped cache of short strings by their UTF-8 bytes: the same text read again (a model id, a
 * feature name, a segment value, a category) comes back as the same {@link String} instance, whose hash is
 * computed once, instead of a new string per event (or per shuffled batch) that every map lookup downstream hashes
 * again. A slot holds the last text that hashed to it, so memory is bounded ({@value #SLOTS} texts of at most
 * {@value #MAX_BYTES} bytes) and a collision costs only a fresh string. A slot holds an immutable entry, so threads
 * sharing one interner may race on a slot without ever getting a string whose bytes differ from the ones read.
 */
public final class TextInterner {

    /** Power of two: the slot is the spread hash masked. Room for the repeating values of hundreds of models. */
    public static final int SLOTS = 4096;
    /** Longer texts (ids, free text) rarely repeat; they are decoded each time. */
    public static final int MAX_BYTES = 64;
    private static final int HASH_MULTIPLIER = 31;
    private static final int SPREAD_SHIFT = 16;
    private static final int SLOT_BITS = Integer.numberOfTrailingZeros(SLOTS);
    private static final int BYTE_MASK = 0xFF;

    /** Texts up to this many bytes are hashed and compared as one word (most ids, names and categories). */
    private static final int WORD_BYTES = AsciiWords.BYTES;
    private static final long WORD_HASH_MULTIPLIER = 0x9E37_79B9_7F4A_7C15L;

    /** {@code head}: a short text's bytes as one little-endian word (zero-padded), else 0. */
    private record Entry(byte[] utf8, long head, String text) {}

    private final Entry[] slots = new Entry[SLOTS];

    /** The text of the UTF-8 bytes {@code bytes[offset, offset + length)}, cached when short. */
    public String intern(byte[] bytes, int offset, int length) {
        if (length > MAX_BYTES) {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
        if (length <= WORD_BYTES) {
            return internShort(bytes, offset, length);
        }
        int hash = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            hash = HASH_MULTIPLIER * hash + bytes[i];
        }
        int slot = (hash ^ (hash >>> SPREAD_SHIFT)) & (SLOTS - 1);
        Entry cached = slots[slot];
        if (cached != null && Arrays.equals(bytes, offset, offset + length, cached.utf8, 0, cached.utf8.length)) {
            return cached.text;
        }
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        slots[slot] = new Entry(Arrays.copyOfRange(bytes, offset, offset + length), 0L, text);
        return text;
    }

    /** A text of at most eight bytes: one word read, one multiply, one compare. */
    private String internShort(byte[] bytes, int offset, int length) {
        long head = head(bytes, offset, length);
        long mixed = (head + length) * WORD_HASH_MULTIPLIER;
        int slot = (int) (mixed >>> (Long.SIZE - SLOT_BITS));
        Entry cached = slots[slot];
        if (cached != null && cached.head == head && cached.utf8.length == length) {
            return cached.text;
        }
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        slots[slot] = new Entry(Arrays.copyOfRange(bytes, offset, offset + length), head, text);
        return text;
    }

    /** The {@code length <= 8} bytes at {@code offset} as a zero-padded little-endian word. */
    private static long head(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return 0L;
        }
        if (offset + WORD_BYTES <= bytes.length) {
            return AsciiWords.word(bytes, offset) & (-1L >>> ((WORD_BYTES - length) * Byte.SIZE));
        }
        long head = 0;
        for (int i = length - 1; i >= 0; i--) {
            head = (head << Byte.SIZE) | (bytes[offset + i] & BYTE_MASK);
        }
        return head;
    }
}
