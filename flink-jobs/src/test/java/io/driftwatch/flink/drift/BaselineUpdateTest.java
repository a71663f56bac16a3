package io.driftwatch.flink.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineUpdateTest {

    private static Map<String, ReferenceProfile> profiles() {
        Map<String, ReferenceProfile> p = new LinkedHashMap<>();
        p.put("amount", new ReferenceProfile("amount",
                NumericProfile.fromReference(new double[] {1, 2, 3, 4, 5, 6}, new Binning.Quantiles(3))));
        p.put("country", new ReferenceProfile("country", CategoricalProfile.of(Map.of("DE", 4L, "FR", 1L))));
        return p;
    }

    @Test
    void jsonRoundTripKeepsEveryProfile() {
        BaselineUpdate update = BaselineUpdate.of("fraud", "v3", "2026-11-24T21:00:00Z", profiles());
        BaselineUpdate back = BaselineUpdate.fromJson(update.toJson());
        assertThat(back.modelId).isEqualTo("fraud");
        assertThat(back.modelVersion).isEqualTo("v3");
        assertThat(back.baselineId).isEqualTo("2026-11-24T21:00:00Z");
        assertThat(back.decodedProfiles()).isEqualTo(profiles());
        assertThat(back.profiles).isEqualTo(update.profiles);
    }

    @Test
    void emptyProfilesAreAllowedAndMeanRemoval() {
        BaselineUpdate removal = BaselineUpdate.fromJson(BaselineUpdate.of("m", "v", "gone", Map.of()).toJson());
        assertThat(removal.decodedProfiles()).isEmpty();
    }

    @Test
    void badInputFailsNamingTheProblem() {
        assertThatThrownBy(() -> BaselineUpdate.fromJson("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> BaselineUpdate.fromJson(
                "{\"baseline_update_version\":2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseline_update_version 2");
        assertThatThrownBy(() -> BaselineUpdate.fromJson(
                "{\"baseline_update_version\":1,\"profiles\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model_id");
        assertThatThrownBy(() -> BaselineUpdate.of(" ", "v", "id", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model_id");
        Map<String, ReferenceProfile> misnamed = Map.of("other", profiles().get("amount"));
        assertThatThrownBy(() -> BaselineUpdate.of("m", "v", "id", misnamed))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'other'");
    }
}
