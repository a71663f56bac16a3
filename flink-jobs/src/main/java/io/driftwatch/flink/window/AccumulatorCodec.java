package io.driftwatch.flink.window;

import io.driftwatch.detectors.sketch.CategoricalWindowState;
import io.driftwatch.detectors.sketch.CategoryCounts;
import io.driftwatch.detectors.sketch.LatencySketch;
import io.driftwatch.detectors.sketch.NumericWindowState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Binary layout of a {@link WindowAccumulator}, built on the parts' own {@code toBytes}/{@code fromBytes}:
 * version byte, predictions, feature overflow, baseline id, then length-prefixed class counts, latency
 * sketch and score state, then the feature count and per feature: name, kind byte ({@link #UNTYPED},
 * {@link #NUMERIC}, {@link #CATEGORICAL}), framed flag, pending nulls and the length-prefixed state.
 */
public final class AccumulatorCodec {

    public static final byte VERSION = 1;
    static final byte UNTYPED = 0;
    static final byte NUMERIC = 1;
    static final byte CATEGORICAL = 2;

    private AccumulatorCodec() {}

    public static byte[] toBytes(WindowAccumulator a) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(a.predictions);
            out.writeLong(a.featureOverflow);
            out.writeUTF(a.baselineId);
            writeBlock(out, a.classes.toBytes());
            writeBlock(out, a.latency.toBytes());
            writeBlock(out, a.score.toBytes());
            out.writeInt(a.features.size());
            for (var e : a.features.entrySet()) {
                FeatureState f = e.getValue();
                out.writeUTF(e.getKey());
                byte kind = f.numeric() != null ? NUMERIC : f.categorical() != null ? CATEGORICAL : UNTYPED;
                out.writeByte(kind);
                out.writeBoolean(f.framed());
                out.writeLong(f.pendingNulls());
                if (kind == NUMERIC) {
                    writeBlock(out, f.numeric().toBytes());
                } else if (kind == CATEGORICAL) {
                    writeBlock(out, f.categorical().toBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** Inverts {@link #toBytes}; throws {@link IllegalArgumentException} on a truncated or foreign encoding. */
    public static WindowAccumulator fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("WindowAccumulator: unsupported version " + version + ", expected "
                        + VERSION);
            }
            long predictions = in.readLong();
            long overflow = in.readLong();
            String baselineId = in.readUTF();
            CategoryCounts classes = CategoryCounts.fromBytes(readBlock(in));
            LatencySketch latency = LatencySketch.fromBytes(readBlock(in));
            NumericWindowState score = NumericWindowState.fromBytes(readBlock(in));
            int n = in.readInt();
            if (n < 0) {
                throw new IllegalArgumentException("WindowAccumulator: negative feature count " + n);
            }
            SortedMap<String, FeatureState> features = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                byte kind = in.readByte();
                boolean framed = in.readBoolean();
                long pendingNulls = in.readLong();
                NumericWindowState numeric = kind == NUMERIC ? NumericWindowState.fromBytes(readBlock(in)) : null;
                CategoricalWindowState categorical =
                        kind == CATEGORICAL ? CategoricalWindowState.fromBytes(readBlock(in)) : null;
                if (kind != NUMERIC && kind != CATEGORICAL && kind != UNTYPED) {
                    throw new IllegalArgumentException("WindowAccumulator: unknown feature kind " + kind);
                }
                features.put(name, new FeatureState(framed, numeric, categorical, pendingNulls));
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("WindowAccumulator: " + in.available() + " trailing bytes");
            }
            return new WindowAccumulator(predictions, overflow, baselineId, classes, latency, score, features);
        } catch (IOException e) {
            throw new IllegalArgumentException("WindowAccumulator: truncated encoding (" + bytes.length + " bytes)", e);
        }
    }

    private static void writeBlock(DataOutputStream out, byte[] block) throws IOException {
        out.writeInt(block.length);
        out.write(block);
    }

    private static byte[] readBlock(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IllegalArgumentException("WindowAccumulator: block length " + length + " exceeds the "
                    + in.available() + " remaining bytes");
        }
        byte[] block = new byte[length];
        in.readFully(block);
        return block;
    }
}
