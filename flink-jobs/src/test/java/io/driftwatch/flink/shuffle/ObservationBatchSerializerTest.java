package io.driftwatch.flink.shuffle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.flink.source.FeatureKindCode;
import io.driftwatch.flink.source.Observation;
import java.io.IOException;
import java.util.List;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Round trips of {@link ObservationBatchSerializer}, string sharing, and clear failures on foreign bytes. */
class ObservationBatchSerializerTest {

    private static final int BUFFER = 256;

    private static Observation observation(long time, String[] names, byte[] kinds, double[] numbers, String[] texts) {
        Observation o = new Observation();
        o.modelId = "fraud";
        o.modelVersion = "v2";
        o.segment = "country=DE,channel=wéb";
        o.eventTimeMillis = time;
        o.score = time % 2 == 0 ? 0.25 : Double.NaN;
        o.latencyMs = time % 3 == 0 ? Double.NaN : 12.5;
        o.predictedClass = time % 2 == 0 ? "fraud" : "";
        o.featureNames = names;
        o.featureKinds = kinds;
        o.numbers = numbers;
        o.texts = texts;
        return o;
    }

    private static String describe(Observation o) {
        return o + " kinds=" + java.util.Arrays.toString(o.featureKinds) + " numbers="
                + java.util.Arrays.toString(o.numbers) + " texts=" + java.util.Arrays.toString(o.texts) + " class="
                + o.predictedClass + " latency=" + o.latencyMs;
    }

    private static ObservationBatch roundTrip(ObservationBatch batch) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(BUFFER);
        ObservationBatchSerializer.INSTANCE.serialize(batch, out);
        return ObservationBatchSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    private static ObservationBatch sample() {
        String[] names = {"amount", "channel", "is_new", "note"};
        Observation a = observation(10, names, new byte[] {FeatureKindCode.NUMBER, FeatureKindCode.TEXT,
                FeatureKindCode.BOOLEAN, FeatureKindCode.NULL}, new double[] {-0.0, 0, 0, 0},
                new String[] {"", "web", "true", ""});
        Observation b = observation(11, names.clone(), new byte[] {FeatureKindCode.TEXT, FeatureKindCode.TEXT,
                FeatureKindCode.BOOLEAN, FeatureKindCode.NUMBER}, new double[] {0, 0, 0, Double.NEGATIVE_INFINITY},
                new String[] {"NaN", "app", "false", ""});
        Observation c = observation(12, new String[] {"amount"}, new byte[] {FeatureKindCode.NUMBER},
                new double[] {1e-300}, new String[] {""});
        Observation d = observation(13, new String[0], new byte[0], new double[0], new String[0]);
        Observation e = observation(14, names, new byte[] {FeatureKindCode.NUMBER, FeatureKindCode.TEXT,
                FeatureKindCode.BOOLEAN, FeatureKindCode.NULL}, new double[] {Double.MAX_VALUE, 0, 0, 0},
                new String[] {"", "日本", "true", ""});
        return ObservationBatch.of(List.of(a, b, c, d, e));
    }

    @Test
    void roundTripKeepsEveryFieldOfEveryEventInOrder() throws IOException {
        ObservationBatch batch = sample();
        ObservationBatch back = roundTrip(batch);
        assertThat(back.windowKey()).isEqualTo(batch.windowKey());
        assertThat(back.size()).isEqualTo(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            assertThat(describe(back.get(i))).isEqualTo(describe(batch.get(i)));
            assertThat(Double.doubleToRawLongBits(back.get(i).score))
                    .isEqualTo(Double.doubleToRawLongBits(batch.get(i).score));
        }
        assertThat(back.get(0).numbers[0]).isEqualTo(-0.0).matches(v -> 1 / v < 0, "negative zero");
    }

    @Test
    void decodedEventsShareStringsAndRepeatedFeatureNameArrays() throws IOException {
        ObservationBatch back = roundTrip(sample());
        assertThat(back.get(1).featureNames).isSameAs(back.get(0).featureNames);
        assertThat(back.get(4).featureNames).isNotSameAs(back.get(0).featureNames).containsExactly(back.get(0).featureNames);
        assertThat(back.get(2).featureNames[0]).isSameAs(back.get(0).featureNames[0]);
        assertThat(back.get(3).modelId).isSameAs(back.get(0).modelId);
    }

    @Test
    void laterBatchesDecodeRepeatedStringsToTheSameInstances() throws IOException {
        ObservationBatch first = roundTrip(sample());
        ObservationBatch second = roundTrip(sample());
        assertThat(second.get(0).featureNames).isNotSameAs(first.get(0).featureNames);
        for (int i = 0; i < first.get(0).featureNames.length; i++) {
            assertThat(second.get(0).featureNames[i]).isSameAs(first.get(0).featureNames[i]);
        }
        assertThat(second.get(1).texts[1]).isSameAs(first.get(1).texts[1]).isEqualTo("app");
        assertThat(second.get(4).texts[1]).isSameAs(first.get(4).texts[1]).isEqualTo("日本");
    }

    @Test
    void copyIsDeepAndEqual() {
        ObservationBatch batch = sample();
        ObservationBatch copy = ObservationBatchSerializer.INSTANCE.copy(batch);
        copy.get(0).numbers[0] = 42;
        assertThat(batch.get(0).numbers[0]).isEqualTo(-0.0);
        assertThat(describe(copy.get(1))).isEqualTo(describe(batch.get(1)));
    }

    @Test
    void rejectsForeignVersionsUnknownKindsAndDanglingReferences() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(BUFFER);
        ObservationBatchSerializer.INSTANCE.serialize(sample(), out);
        byte[] bytes = out.getCopyOfBuffer();
        bytes[0] = 9;
        assertThatThrownBy(() -> ObservationBatchSerializer.INSTANCE.deserialize(new DataInputDeserializer(bytes)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported version 9");

        Observation odd = observation(1, new String[] {"x"}, new byte[] {(byte) 7}, new double[1], new String[] {""});
        DataOutputSerializer oddOut = new DataOutputSerializer(BUFFER);
        ObservationBatchSerializer.INSTANCE.serialize(ObservationBatch.of(odd), oddOut);
        assertThatThrownBy(() -> ObservationBatchSerializer.INSTANCE.deserialize(
                new DataInputDeserializer(oddOut.getCopyOfBuffer())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown feature kind 7");

        BatchWriter body = new BatchWriter();
        body.writeUtf8("k");
        body.writeVarInt(1);
        body.writeVarInt(5);
        assertThatThrownBy(() -> ObservationBatchSerializer.INSTANCE.deserialize(
                new DataInputDeserializer(framed(body))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("string reference 5");

        byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        truncated[0] = ObservationBatchSerializer.VERSION;
        assertThatThrownBy(() -> ObservationBatchSerializer.INSTANCE.deserialize(new DataInputDeserializer(truncated)))
                .isInstanceOf(java.io.EOFException.class);
    }

    @Test
    void aBodyShorterThanItsEventsSayFailsClearly() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(BUFFER);
        ObservationBatchSerializer.INSTANCE.serialize(sample(), out);
        byte[] bytes = out.getCopyOfBuffer();
        int declared = java.nio.ByteBuffer.wrap(bytes, 1, Integer.BYTES).getInt();
        DataOutputSerializer shorter = new DataOutputSerializer(BUFFER);
        shorter.writeByte(ObservationBatchSerializer.VERSION);
        shorter.writeInt(declared - 4);
        shorter.write(bytes, 1 + Integer.BYTES, declared - 4);
        assertThatThrownBy(() -> ObservationBatchSerializer.INSTANCE.deserialize(
                new DataInputDeserializer(shorter.getCopyOfBuffer())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
    }

    @Test
    void copyBetweenViewsKeepsTheBytes() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(BUFFER);
        ObservationBatchSerializer.INSTANCE.serialize(sample(), out);
        DataOutputSerializer copied = new DataOutputSerializer(BUFFER);
        ObservationBatchSerializer.INSTANCE.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
    }

    @Test
    void manyDistinctStringsInOneBatchKeepTheirReferences() throws IOException {
        java.util.List<Observation> events = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            events.add(observation(i, new String[] {"f" + (i % 7), "g"}, new byte[] {FeatureKindCode.TEXT,
                    FeatureKindCode.TEXT}, new double[2], new String[] {"v" + i, "v" + (i / 2)}));
        }
        ObservationBatch back = roundTrip(ObservationBatch.of(events));
        for (int i = 0; i < 500; i++) {
            assertThat(describe(back.get(i))).isEqualTo(describe(events.get(i)));
            assertThat(back.get(i).featureNames).containsExactly(events.get(i).featureNames);
        }
    }

    private static byte[] framed(BatchWriter body) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(BUFFER);
        out.writeByte(ObservationBatchSerializer.VERSION);
        out.writeInt(body.length());
        out.write(body.bytes(), 0, body.length());
        return out.getCopyOfBuffer();
    }

    @Test
    void batchesHoldOneKeyAndAtLeastOneEvent() {
        Observation a = sample().get(0);
        Observation other = ObservationBatchSerializer.copyOf(a);
        other.segment = "country=FR";
        assertThatThrownBy(() -> ObservationBatch.of(List.of(a, other))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different window keys");
        assertThatThrownBy(() -> ObservationBatch.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ObservationBatch("k", new Observation[0]))
                .isInstanceOf(IllegalArgumentException.class);
        ObservationBatch mixed = new ObservationBatch(a.windowKey(), new Observation[] {a, other});
        assertThatThrownBy(() -> ObservationBatchSerializer.INSTANCE.serialize(mixed, new DataOutputSerializer(BUFFER)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not of the batch's model");
    }

    @Test
    void varIntsRoundTripAtTheirByteBoundaries() {
        for (int v : new int[] {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE}) {
            BatchWriter out = new BatchWriter();
            out.writeVarInt(v);
            BatchReader in = new BatchReader(out.bytes(), out.length(), new io.driftwatch.schemas.events.TextInterner());
            assertThat(in.readVarInt()).isEqualTo(v);
            assertThat(in.atEnd()).isTrue();
        }
        assertThatThrownBy(() -> new BatchWriter().writeVarInt(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
