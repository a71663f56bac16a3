package io.driftwatch.flink.shuffle;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Type information of {@link ObservationBatch}: always its {@link ObservationBatchSerializer}, never Kryo. */
public final class ObservationBatchTypeInfo extends TypeInformation<ObservationBatch> {

    private static final long serialVersionUID = 1L;
    public static final ObservationBatchTypeInfo INSTANCE = new ObservationBatchTypeInfo();

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<ObservationBatch> getTypeClass() {
        return ObservationBatch.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<ObservationBatch> createSerializer(SerializerConfig config) {
        return ObservationBatchSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "ObservationBatch";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObservationBatchTypeInfo;
    }

    @Override
    public int hashCode() {
        return ObservationBatchTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof ObservationBatchTypeInfo;
    }
}
