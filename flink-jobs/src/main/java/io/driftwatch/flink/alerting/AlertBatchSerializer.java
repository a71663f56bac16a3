package io.driftwatch.flink.alerting;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Committables in checkpoints: version 1 = record count, then each {@link AlertRecord} in Flink's POJO format
 * (the same serializer the stream uses). Bump the version when AlertRecord's fields change.
 */
public final class AlertBatchSerializer implements SimpleVersionedSerializer<AlertBatch> {

    static final int VERSION = 1;
    /** Initial buffer; a batch of a few events fits, larger ones grow it. */
    private static final int INITIAL_BUFFER_BYTES = 1024;

    private final TypeSerializer<AlertRecord> records =
            TypeInformation.of(AlertRecord.class).createSerializer(new SerializerConfigImpl());

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(AlertBatch batch) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(INITIAL_BUFFER_BYTES);
        out.writeInt(batch.records().size());
        for (AlertRecord r : batch.records()) {
            records.serialize(r, out);
        }
        return out.getCopyOfBuffer();
    }

    /** @throws IOException on an unknown version or truncated bytes */
    @Override
    public AlertBatch deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown alert batch version " + version + "; this job reads " + VERSION);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        int count = in.readInt();
        if (count < 0) {
            throw new IOException("negative alert batch size " + count);
        }
        List<AlertRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(records.deserialize(in));
        }
        return new AlertBatch(out);
    }
}
