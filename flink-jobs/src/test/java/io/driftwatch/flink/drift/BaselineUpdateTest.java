package io.driftwatch.flink.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
    void segmentAndCreationTimeRoundTripAndAreOptional() {
        Instant created = Instant.parse("2026-11-24T21:00:00.250Z");
        BaselineUpdate update = BaselineUpdate.of("fraud", "v3", "country=DE", "b-1", created, profiles());
        BaselineUpdate back = BaselineUpdate.fromJson(update.toJson());
        assertThat(back.segment).isEqualTo("country=DE");
        assertThat(back.createdAtMillis).isEqualTo(created.toEpochMilli());
        assertThat(back.scopeKey()).isEqualTo("fraud\u001Fv3\u001Fcountry=DE");

        BaselineUpdate plain = BaselineUpdate.fromJson(BaselineUpdate.of("fraud", "v3", "b-1", profiles()).toJson());
        assertThat(plain.segmentOrAll()).isEmpty();
        assertThat(plain.createdAtMillis).isNull();
        assertThat(plain.scopeKey()).as("unchanged key of a version-wide baseline").isEqualTo("fraud\u001Fv3");
        assertThat(new String(plain.toJson(), StandardCharsets.UTF_8)).doesNotContain("segment", "created_at");

        assertThatThrownBy(() -> BaselineUpdate.fromJson(new String(update.toJson(), StandardCharsets.UTF_8)
                .replace("2026-11-24T21:00:00.250Z", "yesterday").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("created_at");
        assertThatThrownBy(() -> BaselineUpdate.of("m", "v", "a\u001Fb", "id", null, profiles()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segment");
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
