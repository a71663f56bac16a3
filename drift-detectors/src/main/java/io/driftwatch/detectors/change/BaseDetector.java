package io.driftwatch.detectors.change;

import java.io.ByteArrayOutputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Common input checking, input counting and byte framing; subclasses hold the algorithm. */
abstract class BaseDetector implements ChangeDetector {

    private long inputs;

    @Override
    public final Signal update(double value) {
        checkDomain(Checks.finiteValue(value));
        Signal signal = step(value);
        inputs++;
        return signal;
    }

    @Override
    public final long inputs() {
        return inputs;
    }

    @Override
    public final DetectorId id() {
        return params().id();
    }

    /** Throws IllegalArgumentException for a finite value outside the detector's domain. */
    abstract void checkDomain(double value);

    abstract Signal step(double value);

    /** Writes parameters, then state; the frame (version, id, input count) is written by the caller. */
    abstract void writeBody(DataOutput out) throws IOException;

    void restoreInputs(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("corrupt change detector state: negative input count " + n);
        }
        inputs = n;
    }

    @Override
    public final byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(StateCodec.FORMAT_VERSION);
            out.writeByte(id().code());
            out.writeLong(inputs);
            writeBody(out);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory write cannot fail", e);
        }
        return bytes.toByteArray();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + params() + ", inputs=" + inputs + "]";
    }
}
