package io.driftwatch.flink.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.source.FeatureKindCode;
import io.driftwatch.flink.source.Observation;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class AccumulatorCodecTest {

    private static final int LIMIT = 10;

    private static WindowAccumulator filled(int n) {
        Random random = new Random(1);
        double[] reference = random.doubles(200).toArray();
        WindowAccumulator acc = WindowAccumulator.framedBy(Map.of(
                "amount", new ReferenceProfile("amount", NumericProfile.fromReference(reference, new Binning.Quantiles(10))),
                "country", new ReferenceProfile("country", CategoricalProfile.of(Map.of("DE", 3L, "FR", 2L)))),
                "b-1", LIMIT).newWindow();
        for (int i = 0; i < n; i++) {
            acc.add(Observations.of("m", "", i, random.nextDouble(), random.nextInt(100), random.nextGaussian(),
                    i % 3 == 0 ? null : "DE"), LIMIT, LIMIT);
        }
        return acc;
    }

    @Test
    void roundTripsThroughCodecAndFlinkSerializer() throws Exception {
        WindowAccumulator acc = filled(1_000);
        assertThat(AccumulatorCodec.fromBytes(AccumulatorCodec.toBytes(acc))).isEqualTo(acc);

        DataOutputSerializer out = new DataOutputSerializer(64);
        WindowAccumulatorSerializer.INSTANCE.serialize(acc, out);
        WindowAccumulator back = WindowAccumulatorSerializer.INSTANCE.deserialize(
                new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(back).isEqualTo(acc);
        assertThat(back.predictions()).isEqualTo(1_000);
        assertThat(back.baselineId()).isEqualTo("b-1");
        assertThat(WindowAccumulatorSerializer.INSTANCE.copy(acc)).isEqualTo(acc).isNotSameAs(acc);
    }

    @Test
    void emptyAndUntypedFeaturesRoundTrip() {
        WindowAccumulator acc = WindowAccumulator.unframed();
        Observation onlyNull = Observations.of("m", "", 0, Double.NaN, Double.NaN, 0, null);
        onlyNull.featureKinds[0] = FeatureKindCode.NULL;
        acc.add(onlyNull, LIMIT, LIMIT);
        WindowAccumulator back = AccumulatorCodec.fromBytes(AccumulatorCodec.toBytes(acc));
        assertThat(back.features().get("amount").pendingNulls()).isEqualTo(1);
        assertThat(back.features().get("amount").kind()).isNull();
        assertThat(back).isEqualTo(acc);
    }

    @Test
    void rejectsForeignAndTruncatedBytes() {
        byte[] bytes = AccumulatorCodec.toBytes(filled(10));
        byte[] wrongVersion = bytes.clone();
        wrongVersion[0] = 99;
        assertThatThrownBy(() -> AccumulatorCodec.fromBytes(wrongVersion)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 99");
        assertThatThrownBy(() -> AccumulatorCodec.fromBytes(Arrays.copyOf(bytes, bytes.length / 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void featuresPastTheCapAreCountedNotTracked() {
        WindowAccumulator acc = WindowAccumulator.unframed();
        acc.add(Observations.of("m", "", 0, 0.5, 1, 1.0, "DE"), 1, LIMIT);
        assertThat(acc.features()).containsOnlyKeys("amount");
        assertThat(acc.featureOverflow()).isEqualTo(1);
    }
}
