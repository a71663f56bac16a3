package io.driftwatch.flink.shuffle;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A bounded cache of decoded strings by their UTF-8 bytes, so the window operator sees one {@link String} instance
 * per distinct feature name or category across batches, not a fresh one per batch: its identity caches then hit
 * and hashes are computed once. Direct-mapped ({@value #SLOTS} slots, strings of at most {@value #MAX_BYTES}
 * bytes); a slot holds an immutable entry, so threads sharing one serializer may race on a slot without ever
 * getting a string whose bytes differ from the ones read.
 */
final class DecodedStrings {

    /** Power of two: the slot is the spread hash masked. */
    static final int SLOTS = 4096;
    /** Longer strings rarely repeat; they are decoded each time. */
    static final int MAX_BYTES = 64;
    private static final int SPREAD_SHIFT = 16;

    private record Entry(byte[] utf8, String text) {}

    private final Entry[] slots = new Entry[SLOTS];

    /** The string of {@code utf8} (not copied: the caller must not change it afterwards). */
    String decode(byte[] utf8) {
        if (utf8.length > MAX_BYTES) {
            return new String(utf8, StandardCharsets.UTF_8);
        }
        int hash = Arrays.hashCode(utf8);
        int slot = (hash ^ (hash >>> SPREAD_SHIFT)) & (SLOTS - 1);
        Entry cached = slots[slot];
        if (cached != null && Arrays.equals(cached.utf8, utf8)) {
            return cached.text;
        }
        String text = new String(utf8, StandardCharsets.UTF_8);
        slots[slot] = new Entry(utf8, text);
        return text;
    }
}
