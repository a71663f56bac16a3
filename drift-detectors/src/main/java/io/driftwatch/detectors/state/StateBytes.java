package io.driftwatch.detectors.state;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * The framing every {@link MergeableState} encoding shares: a leading format-version byte, then big-endian
 * fields via {@link ByteBuffer}. Decoding errors become {@link IllegalArgumentException}s naming the state type.
 */
public final class StateBytes {

    private StateBytes() {}

    /** A buffer of {@code 1 + payloadBytes} bytes with the version byte already written. */
    public static ByteBuffer writer(byte version, int payloadBytes) {
        ByteBuffer buffer = ByteBuffer.allocate(1 + payloadBytes);
        buffer.put(version);
        return buffer;
    }

    /** Checks the version byte and returns a buffer positioned after it. */
    public static ByteBuffer reader(byte[] bytes, byte expectedVersion, String type) {
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
    public static void putNested(ByteBuffer buffer, byte[] nested) {
        buffer.putInt(nested.length);
        buffer.put(nested);
    }

    /** Bytes a length-prefixed nested encoding takes. */
    public static int nestedSize(byte[] nested) {
        return Integer.BYTES + nested.length;
    }

    /** Reads a length-prefixed nested encoding. */
    public static byte[] getNested(ByteBuffer buffer, String type) {
        int length = buffer.getInt();
        if (length < 0 || length > buffer.remaining()) {
            throw new IllegalArgumentException(type + ": nested encoding length " + length + " is invalid");
        }
        byte[] nested = new byte[length];
        buffer.get(nested);
        return nested;
    }

    /** Decodes with {@code decoder}, turning truncation into a clear error and rejecting trailing bytes. */
    public static <T> T decode(byte[] bytes, byte expectedVersion, String type, Decoder<T> decoder) {
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
    public interface Decoder<T> {
        T decode(ByteBuffer buffer);
    }
}
