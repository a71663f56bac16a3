package io.driftwatch.flink.shuffle;

import io.driftwatch.flink.source.FeatureKindCode;
import io.driftwatch.flink.source.Observation;
import io.driftwatch.schemas.events.TextInterner;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer of {@link ObservationBatch}, never Kryo. Layout: version byte, window key, event count, model,
 * version and segment (once: every event of a batch has the batch's), then per event: event time, score,
 * latency, predicted class (a string reference), feature count, a flag "same feature names as the previous event" (else one name reference per feature), then per
 * feature its kind byte and its value: a double for numbers, a string reference for texts and booleans,
 * nothing for nulls (unused slots decode as {@code 0.0} and {@code ""}, as {@code ObservationMapper} writes
 * them).
 *
 * <p>A string reference is a varint: {@code 0} followed by the string (varint UTF-8 length and bytes) the
 * first time a batch uses it, {@code 1 + its index} among the batch's strings after that. Decoded events of a
 * batch share those string instances and, where the names repeat, one {@code featureNames} array.
 */
public final class ObservationBatchSerializer extends TypeSerializerSingleton<ObservationBatch> {

    private static final long serialVersionUID = 1L;
    public static final ObservationBatchSerializer INSTANCE = new ObservationBatchSerializer();
    public static final byte VERSION = 1;
    private static final int VARIABLE_LENGTH = -1;
    private static final int NEW_STRING = 0;
    /** Low 7 bits of a varint byte carry data; the high bit says another byte follows (LEB128). */
    private static final int VARINT_DATA_BITS = 7;
    private static final int VARINT_DATA_MASK = 0x7F;
    private static final int VARINT_MORE = 0x80;
    /** An int needs at most 5 LEB128 bytes. */
    private static final int VARINT_MAX_SHIFT = 28;

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
        out.writeByte(VERSION);
        out.writeUTF(batch.windowKey());
        writeVarInt(out, batch.size());
        Map<String, Integer> strings = new HashMap<>();
        Observation first = batch.get(0);
        writeString(out, first.modelId, strings);
        writeString(out, first.modelVersion, strings);
        writeString(out, first.segment, strings);
        String[] previousNames = null;
        for (int e = 0; e < batch.size(); e++) {
            Observation o = batch.get(e);
            if (!o.modelId.equals(first.modelId) || !o.modelVersion.equals(first.modelVersion)
                    || !o.segment.equals(first.segment)) {
                throw new IllegalArgumentException("ObservationBatch: event " + e + " (" + o.windowKey()
                        + ") is not of the batch's model, version and segment (" + first.windowKey() + ")");
            }
            out.writeLong(o.eventTimeMillis);
            out.writeDouble(o.score);
            out.writeDouble(o.latencyMs);
            writeString(out, o.predictedClass, strings);
            int n = o.featureCount();
            writeVarInt(out, n);
            boolean sameNames = n > 0 && previousNames != null
                    && (previousNames == o.featureNames || Arrays.equals(previousNames, o.featureNames));
            out.writeBoolean(sameNames);
            if (!sameNames) {
                for (int i = 0; i < n; i++) {
                    writeString(out, o.featureNames[i], strings);
                }
                previousNames = n > 0 ? o.featureNames : previousNames;
            }
            for (int i = 0; i < n; i++) {
                byte kind = o.featureKinds[i];
                out.writeByte(kind);
                if (kind == FeatureKindCode.NUMBER) {
                    out.writeDouble(o.numbers[i]);
                } else if (kind != FeatureKindCode.NULL) {
                    writeString(out, o.texts[i], strings);
                }
            }
        }
    }

    @Override
    public ObservationBatch deserialize(DataInputView in) throws IOException {
        byte version = in.readByte();
        if (version != VERSION) {
            throw new IllegalArgumentException("ObservationBatch: unsupported version " + version + ", expected "
                    + VERSION);
        }
        String windowKey = in.readUTF();
        int count = readVarInt(in);
        List<String> strings = new ArrayList<>();
        TextInterner cache = decodedStrings();
        String modelId = readString(in, strings, cache);
        String modelVersion = readString(in, strings, cache);
        String segment = readString(in, strings, cache);
        Observation[] observations = new Observation[count];
        String[] previousNames = null;
        for (int e = 0; e < count; e++) {
            Observation o = new Observation();
            o.eventTimeMillis = in.readLong();
            o.score = in.readDouble();
            o.latencyMs = in.readDouble();
            o.modelId = modelId;
            o.modelVersion = modelVersion;
            o.segment = segment;
            o.predictedClass = readString(in, strings, cache);
            int n = readVarInt(in);
            if (in.readBoolean()) {
                if (previousNames == null || previousNames.length != n) {
                    throw new IllegalArgumentException("ObservationBatch: event " + e
                            + " repeats feature names that no earlier event of the batch has");
                }
                o.featureNames = previousNames;
            } else {
                o.featureNames = new String[n];
                for (int i = 0; i < n; i++) {
                    o.featureNames[i] = readString(in, strings, cache);
                }
                previousNames = n > 0 ? o.featureNames : previousNames;
            }
            o.featureKinds = new byte[n];
            o.numbers = new double[n];
            o.texts = new String[n];
            for (int i = 0; i < n; i++) {
                byte kind = in.readByte();
                o.featureKinds[i] = kind;
                o.texts[i] = "";
                if (kind == FeatureKindCode.NUMBER) {
                    o.numbers[i] = in.readDouble();
                } else if (kind == FeatureKindCode.TEXT || kind == FeatureKindCode.BOOLEAN) {
                    o.texts[i] = readString(in, strings, cache);
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
        serialize(deserialize(source), target);
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

    private static void writeString(DataOutput out, String s, Map<String, Integer> strings) throws IOException {
        if (s == null) {
            throw new IllegalArgumentException("ObservationBatch: an observation has a null string field");
        }
        Integer index = strings.get(s);
        if (index != null) {
            writeVarInt(out, index + 1);
            return;
        }
        strings.put(s, strings.size());
        writeVarInt(out, NEW_STRING);
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeVarInt(out, utf8.length);
        out.write(utf8);
    }

    private TextInterner decodedStrings() {
        TextInterner cache = decoded;
        if (cache == null) {
            cache = new TextInterner();
            decoded = cache;
        }
        return cache;
    }

    private static String readString(DataInput in, List<String> strings, TextInterner cache) throws IOException {
        int ref = readVarInt(in);
        if (ref != NEW_STRING) {
            if (ref > strings.size()) {
                throw new IllegalArgumentException("ObservationBatch: string reference " + ref + " beyond the "
                        + strings.size() + " strings read");
            }
            return strings.get(ref - 1);
        }
        byte[] utf8 = new byte[readVarInt(in)];
        in.readFully(utf8);
        String s = cache.intern(utf8, 0, utf8.length);
        strings.add(s);
        return s;
    }

    static void writeVarInt(DataOutput out, int value) throws IOException {
        if (value < 0) {
            throw new IllegalArgumentException("varint of a negative value " + value);
        }
        int v = value;
        while ((v & ~VARINT_DATA_MASK) != 0) {
            out.writeByte((v & VARINT_DATA_MASK) | VARINT_MORE);
            v >>>= VARINT_DATA_BITS;
        }
        out.writeByte(v);
    }

    static int readVarInt(DataInput in) throws IOException {
        int value = 0;
        for (int shift = 0; shift <= VARINT_MAX_SHIFT; shift += VARINT_DATA_BITS) {
            int b = in.readUnsignedByte();
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
}
