package io.driftwatch.flink.shuffle;

import io.driftwatch.flink.source.FeatureKindCode;
import io.driftwatch.flink.source.Observation;
import io.driftwatch.schemas.events.TextInterner;
import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer of {@link ObservationBatch}, never Kryo. Layout: version byte, body length (int), then the body
 * ({@link BatchWriter}: little-endian words, LEB128 varints): window key, event count, model, version and segment
 * (once: every event of a batch has the batch's), then per event: event time, score, latency, predicted class (a
 * string reference), feature count, a flag "same feature names as the previous event" (else one name reference
 * per feature), then per feature its kind byte and its value: a double for numbers, a string reference for texts
 * and booleans, nothing for nulls (unused slots decode as {@code 0.0} and {@code ""}, as {@code ObservationMapper}
 * writes them).
 *
 * <p>A string reference is a varint: {@code 0} followed by the string (varint UTF-8 length and bytes) the
 * first time a batch uses it, {@code 1 + its index} among the batch's strings after that. Decoded events of a
 * batch share those string instances and, where the names repeat, one {@code featureNames} array.
 *
 * <p>Batches only cross the network (never state, and checkpoints are aligned), so the layout may change between
 * releases; the version byte makes a mismatch fail clearly.
 */
public final class ObservationBatchSerializer extends TypeSerializerSingleton<ObservationBatch> {

    private static final long serialVersionUID = 1L;
    public static final ObservationBatchSerializer INSTANCE = new ObservationBatchSerializer();
    /** 2: the body in one length-prefixed block (1 wrote field by field). */
    public static final byte VERSION = 2;
    static final int NEW_STRING = 0;
    private static final int VARIABLE_LENGTH = -1;
    /** Per-thread scratch buffers: a task thread serializes one batch at a time, and Flink shares this instance. */
    private static final ThreadLocal<BatchWriter> WRITERS = ThreadLocal.withInitial(BatchWriter::new);
    private static final ThreadLocal<byte[][]> READ_BUFFERS = ThreadLocal.withInitial(() -> new byte[1][0]);

    /** Repeating strings decoded to shared instances (a cache: rebuilt empty after Java deserialization). */
    private transient volatile TextInterner decoded;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public ObservationBatch createInstance() {
        return ObservationBatch.of(new Observation());
    }

    @Override
    public ObservationBatch copy(ObservationBatch from) {
        Observation[] copies = new Observation[from.size()];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = copyOf(from.get(i));
        }
        return new ObservationBatch(from.windowKey(), copies);
    }

    @Override
    public ObservationBatch copy(ObservationBatch from, ObservationBatch reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return VARIABLE_LENGTH;
    }

    @Override
    public void serialize(ObservationBatch batch, DataOutputView out) throws IOException {
        BatchWriter w = WRITERS.get();
        try {
            w.reset();
            writeBody(batch, w);
            out.writeByte(VERSION);
            out.writeInt(w.length());
            out.write(w.bytes(), 0, w.length());
        } finally {
            if (!w.worthKeeping()) {
                WRITERS.remove();
            }
        }
    }

    private static void writeBody(ObservationBatch batch, BatchWriter w) {
        w.writeUtf8(batch.windowKey());
        w.writeVarInt(batch.size());
        Observation first = batch.get(0);
        w.string(first.modelId);
        w.string(first.modelVersion);
        w.string(first.segment);
        String[] previousNames = null;
        for (int e = 0; e < batch.size(); e++) {
            Observation o = batch.get(e);
            if (!o.modelId.equals(first.modelId) || !o.modelVersion.equals(first.modelVersion)
                    || !o.segment.equals(first.segment)) {
                throw new IllegalArgumentException("ObservationBatch: event " + e + " (" + o.windowKey()
                        + ") is not of the batch's model, version and segment (" + first.windowKey() + ")");
            }
            w.writeLong(o.eventTimeMillis);
            w.writeDouble(o.score);
            w.writeDouble(o.latencyMs);
            w.string(o.predictedClass);
            int n = o.featureCount();
            w.writeVarInt(n);
            boolean sameNames = n > 0 && previousNames != null
                    && (previousNames == o.featureNames || Arrays.equals(previousNames, o.featureNames));
            w.writeByte(sameNames ? 1 : 0);
            if (!sameNames) {
                for (int i = 0; i < n; i++) {
                    w.string(o.featureNames[i]);
                }
                previousNames = n > 0 ? o.featureNames : previousNames;
            }
            for (int i = 0; i < n; i++) {
                byte kind = o.featureKinds[i];
                w.writeByte(kind);
                if (kind == FeatureKindCode.NUMBER) {
                    w.writeDouble(o.numbers[i]);
                } else if (kind != FeatureKindCode.NULL) {
                    w.string(o.texts[i]);
                }
            }
        }
    }

    @Override
    public ObservationBatch deserialize(DataInputView in) throws IOException {
        int length = readHeader(in);
        byte[][] holder = READ_BUFFERS.get();
        byte[] body = holder[0].length >= length ? holder[0] : new byte[length];
        in.readFully(body, 0, length);
        if (body.length <= BatchWriter.MAX_RETAINED_BYTES) {
            holder[0] = body; // decoded strings are copies, so the buffer is free again after this batch
        }
        BatchReader r = new BatchReader(body, length, decodedStrings());
        ObservationBatch batch = readBody(r);
        if (!r.atEnd()) {
            throw new IllegalArgumentException("ObservationBatch: bytes left after the last event");
        }
        return batch;
    }

    /** The version byte, checked, then the body length. */
    private static int readHeader(DataInputView in) throws IOException {
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IllegalArgumentException("ObservationBatch: unsupported version " + version + ", expected "
                    + VERSION);
        }
        int length = in.readInt();
        if (length < 0) {
            throw new IllegalArgumentException("ObservationBatch: negative body length " + length);
        }
        return length;
    }

    private static ObservationBatch readBody(BatchReader r) {
        String windowKey = r.readUtf8();
        int count = r.readVarInt();
        String modelId = r.string();
        String modelVersion = r.string();
        String segment = r.string();
        Observation[] observations = new Observation[count];
        String[] previousNames = null;
        for (int e = 0; e < count; e++) {
            Observation o = new Observation();
            o.eventTimeMillis = r.readLong();
            o.score = r.readDouble();
            o.latencyMs = r.readDouble();
            o.modelId = modelId;
            o.modelVersion = modelVersion;
            o.segment = segment;
            o.predictedClass = r.string();
            int n = r.readVarInt();
            if (r.readByte() != 0) {
                if (previousNames == null || previousNames.length != n) {
                    throw new IllegalArgumentException("ObservationBatch: event " + e
                            + " repeats feature names that no earlier event of the batch has");
                }
                o.featureNames = previousNames;
            } else {
                o.featureNames = new String[n];
                for (int i = 0; i < n; i++) {
                    o.featureNames[i] = r.string();
                }
                previousNames = n > 0 ? o.featureNames : previousNames;
            }
            o.featureKinds = new byte[n];
            o.numbers = new double[n];
            o.texts = new String[n];
            for (int i = 0; i < n; i++) {
                byte kind = r.readByte();
                o.featureKinds[i] = kind;
                o.texts[i] = "";
                if (kind == FeatureKindCode.NUMBER) {
                    o.numbers[i] = r.readDouble();
                } else if (kind == FeatureKindCode.TEXT || kind == FeatureKindCode.BOOLEAN) {
                    o.texts[i] = r.string();
                } else if (kind != FeatureKindCode.NULL) {
                    throw new IllegalArgumentException("ObservationBatch: unknown feature kind " + kind);
                }
            }
            observations[e] = o;
        }
        return new ObservationBatch(windowKey, observations);
    }

    @Override
    public ObservationBatch deserialize(ObservationBatch reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = readHeader(source);
        byte[] body = new byte[length];
        source.readFully(body); // through an array: DataOutputSerializer.write(DataInputView, int) does not grow
        target.writeByte(VERSION);
        target.writeInt(length);
        target.write(body);
    }

    @Override
    public TypeSerializerSnapshot<ObservationBatch> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for schema compatibility; the version byte handles layout changes. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ObservationBatch> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    static Observation copyOf(Observation from) {
        Observation o = new Observation();
        o.modelId = from.modelId;
        o.modelVersion = from.modelVersion;
        o.segment = from.segment;
        o.eventTimeMillis = from.eventTimeMillis;
        o.score = from.score;
        o.latencyMs = from.latencyMs;
        o.predictedClass = from.predictedClass;
        o.featureNames = from.featureNames == null ? null : from.featureNames.clone();
        o.featureKinds = from.featureKinds == null ? null : from.featureKinds.clone();
        o.numbers = from.numbers == null ? null : from.numbers.clone();
        o.texts = from.texts == null ? null : from.texts.clone();
        return o;
    }

    private TextInterner decodedStrings() {
        TextInterner cache = decoded;
        if (cache == null) {
            cache = new TextInterner();
            decoded = cache;
        }
        return cache;
    }
}
