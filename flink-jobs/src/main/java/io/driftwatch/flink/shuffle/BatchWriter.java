package io.driftwatch.flink.shuffle;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of one {@link ObservationBatch} as {@link ObservationBatchSerializer} lays them out, built in a plain
 * array (little-endian words, LEB128 varints) and handed to Flink's output in one length-prefixed write, so the
 * reader can check every read against the block's end. Strings are written once per batch and referenced
 * after ({@link #string}); the table of written strings is open addressing on the strings' cached hashes, so a
 * repeated (usually identical) instance costs no boxing and no map node. Not thread-safe; reused per thread.
 */
final class BatchWriter {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int INITIAL_BYTES = 64 * 1024;
    /** A buffer that grew past this (a batch of huge events) is dropped after use rather than kept per thread. */
    static final int MAX_RETAINED_BYTES = 4 * 1024 * 1024;
    private static final int INITIAL_STRING_BITS = 6;
    /** 2^32 / golden ratio. */
    private static final int FIBONACCI_MULTIPLIER = 0x9E3779B9;
    private static final int VARINT_DATA_BITS = 7;
    private static final int VARINT_DATA_MASK = 0x7F;
    private static final int VARINT_MORE = 0x80;
    private static final int MAX_VARINT_BYTES = 5;

    private byte[] bytes = new byte[INITIAL_BYTES];
    private int length;
    private int stringBits = INITIAL_STRING_BITS;
    private String[] stringKeys = new String[1 << INITIAL_STRING_BITS];
    private int[] stringHashes = new int[1 << INITIAL_STRING_BITS];
    private int[] stringRefs = new int[1 << INITIAL_STRING_BITS];
    private int strings;

    /** Empties the buffer and the batch's string table. */
    void reset() {
        length = 0;
        if (strings > 0) {
            Arrays.fill(stringKeys, null);
            strings = 0;
        }
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    boolean worthKeeping() {
        return bytes.length <= MAX_RETAINED_BYTES;
    }

    void writeByte(int value) {
        ensure(1);
        bytes[length++] = (byte) value;
    }

    void writeLong(long value) {
        ensure(Long.BYTES);
        LONGS.set(bytes, length, value);
        length += Long.BYTES;
    }

    void writeDouble(double value) {
        writeLong(Double.doubleToRawLongBits(value));
    }

    void writeVarInt(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("varint of a negative value " + value);
        }
        ensure(MAX_VARINT_BYTES);
        int v = value;
        while ((v & ~VARINT_DATA_MASK) != 0) {
            bytes[length++] = (byte) ((v & VARINT_DATA_MASK) | VARINT_MORE);
            v >>>= VARINT_DATA_BITS;
        }
        bytes[length++] = (byte) v;
    }

    /** Varint length, then the UTF-8 bytes. */
    void writeUtf8(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeVarInt(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
    }

    /**
     * A string reference: {@code 0} and the string the first time the batch writes it, {@code 1 + its index}
     * among the batch's strings after that.
     */
    void string(String s) {
        if (s == null) {
            throw new IllegalArgumentException("ObservationBatch: an observation has a null string field");
        }
        int hash = s.hashCode();
        int slot = slot(hash, stringBits);
        int mask = stringKeys.length - 1;
        for (String key; (key = stringKeys[slot]) != null; slot = (slot + 1) & mask) {
            if (key == s || (stringHashes[slot] == hash && key.equals(s))) {
                writeVarInt(stringRefs[slot] + 1);
                return;
            }
        }
        stringKeys[slot] = s;
        stringHashes[slot] = hash;
        stringRefs[slot] = strings++;
        if (strings * 2 > stringKeys.length) {
            growStrings();
        }
        writeVarInt(ObservationBatchSerializer.NEW_STRING);
        writeUtf8(s);
    }

    private void growStrings() {
        String[] oldKeys = stringKeys;
        int[] oldHashes = stringHashes;
        int[] oldRefs = stringRefs;
        stringBits++;
        stringKeys = new String[1 << stringBits];
        stringHashes = new int[1 << stringBits];
        stringRefs = new int[1 << stringBits];
        int mask = stringKeys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slot(oldHashes[i], stringBits);
                while (stringKeys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                stringKeys[slot] = oldKeys[i];
                stringHashes[slot] = oldHashes[i];
                stringRefs[slot] = oldRefs[i];
            }
        }
    }

    /** Fibonacci hashing: texts differing in their last character have consecutive hashes; this scatters them. */
    private static int slot(int hash, int bits) {
        return (hash * FIBONACCI_MULTIPLIER) >>> (Integer.SIZE - bits);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
