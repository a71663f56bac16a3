package io.driftwatch.flink.window;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer of {@link WindowAccumulator}: a length-prefixed {@link AccumulatorCodec} encoding. With
 * the heap state backend the accumulator lives as an object and is only encoded at checkpoints.
 */
public final class WindowAccumulatorSerializer extends TypeSerializerSingleton<WindowAccumulator> {

    private static final long serialVersionUID = 1L;
    public static final WindowAccumulatorSerializer INSTANCE = new WindowAccumulatorSerializer();
    /** Variable-length records. */
    private static final int VARIABLE_LENGTH = -1;

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public WindowAccumulator createInstance() {
        return WindowAccumulator.unframed();
    }

    @Override
    public WindowAccumulator copy(WindowAccumulator from) {
        return from.copy();
    }

    @Override
    public WindowAccumulator copy(WindowAccumulator from, WindowAccumulator reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return VARIABLE_LENGTH;
    }

    @Override
    public void serialize(WindowAccumulator record, DataOutputView target) throws IOException {
        byte[] bytes = AccumulatorCodec.toBytes(record);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public WindowAccumulator deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return AccumulatorCodec.fromBytes(bytes);
    }

    @Override
    public WindowAccumulator deserialize(WindowAccumulator reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public TypeSerializerSnapshot<WindowAccumulator> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot for schema compatibility; the codec's version byte handles layout changes. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<WindowAccumulator> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
