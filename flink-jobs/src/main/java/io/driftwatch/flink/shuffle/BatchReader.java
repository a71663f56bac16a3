package io.driftwatch.flink.shuffle;

import io.driftwatch.schemas.events.TextInterner;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads what {@link BatchWriter} wrote, from a plain array; every read is bounds-checked, so truncated or foreign
 * bytes fail with a clear {@link IllegalArgumentException}, never an index error or a silent misread. Strings are
 * decoded straight from the array into shared instances ({@link TextInterner}). Not thread-safe.
 */
final class BatchReader {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int VARINT_DATA_BITS = 7;
    private static final int VARINT_DATA_MASK = 0x7F;
    private static final int VARINT_MORE = 0x80;
    /** An int needs at most 5 LEB128 bytes. */
    private static final int VARINT_MAX_SHIFT = 28;
    private static final int INITIAL_STRINGS = 32;

    private final byte[] bytes;
    private final int end;
    private final TextInterner cache;
    private int pos;
    private String[] strings = new String[INITIAL_STRINGS];
    private int stringCount;

    BatchReader(byte[] bytes, int length, TextInterner cache) {
        this.bytes = bytes;
        this.end = length;
        this.cache = cache;
    }

    boolean atEnd() {
        return pos == end;
    }

    byte readByte() {
        require(1);
        return bytes[pos++];
    }

    long readLong() {
        require(Long.BYTES);
        long value = (long) LONGS.get(bytes, pos);
        pos += Long.BYTES;
        return value;
    }

    double readDouble() {
        return Double.longBitsToDouble(readLong());
    }

    int readVarInt() {
        int value = 0;
        for (int shift = 0; shift <= VARINT_MAX_SHIFT; shift += VARINT_DATA_BITS) {
            int b = readByte() & 0xFF;
            value |= (b & VARINT_DATA_MASK) << shift;
            if ((b & VARINT_MORE) == 0) {
                if (value < 0) {
                    throw new IllegalArgumentException("ObservationBatch: negative varint");
                }
                return value;
            }
        }
        throw new IllegalArgumentException("ObservationBatch: varint longer than 5 bytes");
    }

    /** A varint length and that many UTF-8 bytes, as a shared instance when short. */
    String readUtf8() {
        int length = readVarInt();
        require(length);
        String s = cache.intern(bytes, pos, length);
        pos += length;
        return s;
    }

    /** A string reference as {@link BatchWriter#string} writes it. */
    String string() {
        int ref = readVarInt();
        if (ref != ObservationBatchSerializer.NEW_STRING) {
            if (ref > stringCount) {
                throw new IllegalArgumentException("ObservationBatch: string reference " + ref + " beyond the "
                        + stringCount + " strings read");
            }
            return strings[ref - 1];
        }
        String s = readUtf8();
        if (stringCount == strings.length) {
            strings = Arrays.copyOf(strings, stringCount * 2);
        }
        strings[stringCount++] = s;
        return s;
    }

    private void require(int count) {
        if (count > end - pos) {
            throw new IllegalArgumentException("ObservationBatch: truncated, " + count + " more bytes needed at "
                    + pos + " of " + end);
        }
    }
}
