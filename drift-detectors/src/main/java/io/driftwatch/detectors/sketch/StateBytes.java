package io.driftwatch.detectors.sketch;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * Small helpers for the versioned binary encodings of the sketch states: a leading format-version byte,
 * then big-endian fields via {@link ByteBuffer}. Decoding errors become {@link IllegalArgumentException}s
 * naming the state type.
 */
final class StateBytes {

    private StateBytes() {}

    /** A buffer of {@code 1 + payloadBytes} bytes with the version byte already written. */
    static ByteBuffer writer(byte version, int payloadBytes) {
        ByteBuffer buffer = ByteBuffer.allocate(1 + payloadBytes);
        buffer.put(version);
        return buffer;
    }

    /** Checks the version byte and returns a buffer positioned after it. */
    static ByteBuffer reader(byte[] bytes, byte expectedVersion, String type) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException(type + ": encoding is empty");
        }
        if (bytes[0] != expectedVersion) {
            throw new IllegalArgumentException(
                    type + ": unsupported format version " + bytes[0] + ", expected " + expectedVersion);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.position(1);
        return buffer;
    }

    /** Writes a length-prefixed nested encoding. */
    static void putNested(ByteBuffer buffer, byte[] nested) {
        buffer.putInt(nested.length);
        buffer.put(nested);
    }

    /** Bytes a length-prefixed nested encoding takes. */
    static int nestedSize(byte[] nested) {
        return Integer.BYTES + nested.length;
    }

    /** Reads a length-prefixed nested encoding. */
    static byte[] getNested(ByteBuffer buffer, String type) {
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException(type + ": nested encoding length " + length + " is invalid");
        }
        byte[] nested = new byte[length];
        buffer.get(nested);
        return nested;
    }

    /** Decodes with {@code decoder}, turning truncation into a clear error and rejecting trailing bytes. */
    static <T> T decode(byte[] bytes, byte expectedVersion, String type, Decoder<T> decoder) {
        ByteBuffer buffer = reader(bytes, expectedVersion, type);
        T value;
        try {
            value = decoder.decode(buffer);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException(type + ": encoding is truncated", e);
        }
        if (buffer.hasRemaining()) {
            throw new IllegalArgumentException(type + ": " + buffer.remaining() + " unexpected trailing bytes");
        }
        return value;
    }

    /** Reads one state from a buffer positioned after the version byte. */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(ByteBuffer buffer);
    }

    /** Rejects NaN and infinities with a message naming the parameter. */
    static double requireFinite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be finite, got " + value);
        }
        return value;
    }

    /** Rejects quantile levels outside [0, 1] (and NaN). */
    static double requireProbability(double q) {
        if (!(q >= 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("quantile level must be in [0, 1], got " + q);
        }
        return q;
    }
}
