package io.driftwatch.detectors.change;

import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Byte layout of detector state: {@code [format version][detector code][input count: long][params][state]},
 * big-endian ({@link java.io.DataOutput}).
 */
final class StateCodec {

    /** Bump when the layout of any detector changes; old versions must stay readable or be rejected clearly. */
    static final byte FORMAT_VERSION = 1;

    private StateCodec() {
    }

    static ChangeDetector decode(byte[] bytes) {
        if (bytes == null || bytes.length < 2) {
            throw new IllegalArgumentException("change detector state is empty or truncated");
        }
        if (bytes[0] != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported change detector state version " + bytes[0]
                    + ", this build reads version " + FORMAT_VERSION);
        }
        DetectorId id = DetectorId.fromCode(bytes[1]);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 2, bytes.length - 2));
        try {
            long inputs = in.readLong();
            BaseDetector detector = read(id, in);
            if (in.available() != 0) {
                throw new IllegalArgumentException("corrupt " + id.wireId() + " state: "
                        + in.available() + " trailing bytes");
            }
            detector.restoreInputs(inputs);
            return detector;
        } catch (EOFException e) {
            throw new IllegalArgumentException("truncated " + id.wireId() + " state", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BaseDetector read(DetectorId id, DataInput in) throws IOException {
        return switch (id) {
            case ADWIN -> AdwinDetector.read(in);
            case DDM -> DdmDetector.read(in);
            case EDDM -> EddmDetector.read(in);
            case HDDM_A -> HddmADetector.read(in);
            case HDDM_W -> HddmWDetector.read(in);
            case PAGE_HINKLEY -> PageHinkleyDetector.read(in);
            case CUSUM -> CusumDetector.read(in);
        };
    }

    static TestSide side(byte ordinal) {
        TestSide[] sides = TestSide.values();
        if (ordinal < 0 || ordinal >= sides.length) {
            throw new IllegalArgumentException("corrupt HDDM state: unknown test side " + ordinal);
        }
        return sides[ordinal];
    }

    static boolean bool(byte b) {
        if (b != 0 && b != 1) {
            throw new IllegalArgumentException("corrupt change detector state: flag byte " + b);
        }
        return b == 1;
    }
}
