package io.driftwatch.detectors.performance;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/** Shared framing for the accumulators' byte encodings: a leading format version byte, big-endian body. */
final class StateCodec {
    private StateCodec() {}

    /** Opens {@code bytes} for reading after checking the version byte. */
    static ByteBuffer open(byte[] bytes, byte expectedVersion, String type) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException(type + " encoding is empty");
        }
        if (bytes[0] != expectedVersion) {
            throw new IllegalArgumentException(
                    type + " encoding has unknown version " + bytes[0] + ", expected " + expectedVersion);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        buffer.get();
        return buffer;
    }

    /** Fails unless the whole encoding was consumed. */
    static void requireFullyRead(ByteBuffer buffer, String type) {
        if (buffer.hasRemaining()) {
            throw new IllegalArgumentException(type + " encoding has " + buffer.remaining() + " trailing bytes");
        }
    }

    /** Runs a decoder, turning a truncated buffer into an IllegalArgumentException. */
    static <T> T decode(String type, java.util.function.Supplier<T> decoder) {
        try {
            return decoder.get();
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException(type + " encoding is truncated", e);
        }
    }
}
