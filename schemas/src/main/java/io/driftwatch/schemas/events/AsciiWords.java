package io.driftwatch.schemas.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of ASCII at a time ("SWAR": SIMD within a register), for the scanner's hot loops: a payload's bytes
 * read as a little-endian word, so the first byte is the lowest. The digit tricks are fast_float's
 * ({@code parse_eight_digits_unrolled}), which {@code AsciiWordsTest} checks against a byte-by-byte loop.
 */
final class AsciiWords {

    static final int BYTES = Long.BYTES;
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030_3030_3030_3030L;
    /** Added to a byte of (byte ^ '0'): sets its top bit exactly when the byte was not below 10. */
    private static final long TEN_TO_TOP_BIT = 0x7676_7676_7676_7676L;
    private static final long TOP_BITS = 0x8080_8080_8080_8080L;
    private static final long LOW_BYTE_PAIRS = 0x0000_00FF_0000_00FFL;
    private static final long HUNDREDS_AND_MILLIONS = 100L + (1_000_000L << 32);
    private static final long ONES_AND_TEN_THOUSANDS = 1L + (10_000L << 32);
    private static final int DECIMAL_BASE = 10;
    private static final int HALF_WORD_BITS = 32;
    private static final int PAIR_SHIFT = 16;

    private AsciiWords() {}

    /** The eight bytes at {@code offset} (which must leave eight bytes to read) as a little-endian word. */
    static long word(byte[] bytes, int offset) {
        return (long) WORDS.get(bytes, offset);
    }

    /** Bytes of {@code word} minus {@code '0'}: the digits become 0 to 9, every other byte something else. */
    static long digitValues(long word) {
        return word ^ ZEROS;
    }

    /** How many of the word's bytes, from the first, are ASCII digits (0 to 8), given its {@link #digitValues}. */
    static int leadingDigits(long values) {
        // A byte's top bit ends up set when it is >= 10 (the add) or was >= 0x80 (the or). Carries out of a
        // non-digit byte only reach later bytes, which do not matter once the first non-digit is found.
        long nonDigits = ((values + TEN_TO_TOP_BIT) | values) & TOP_BITS;
        return Long.numberOfTrailingZeros(nonDigits) >>> 3;
    }

    /** The number the first {@code count} (1 to 8) bytes spell, given the word's {@link #digitValues}. */
    static long parseDigits(long values, int count) {
        long v = values << ((BYTES - count) * Byte.SIZE); // drop the bytes after the digits, leading zeros before
        v = v * DECIMAL_BASE + (v >>> Byte.SIZE);
        return ((v & LOW_BYTE_PAIRS) * HUNDREDS_AND_MILLIONS
                + ((v >>> PAIR_SHIFT) & LOW_BYTE_PAIRS) * ONES_AND_TEN_THOUSANDS) >>> HALF_WORD_BITS;
    }
}
