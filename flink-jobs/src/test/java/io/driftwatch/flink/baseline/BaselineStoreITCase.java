package io.driftwatch.flink.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.detectors.profile.Binning;
import io.driftwatch.detectors.profile.CategoricalProfile;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.schemas.migrate.Migrator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@link BaselineStore} round trips on a real ClickHouse. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaselineStoreITCase {

    private static final String DB = "baseline_it";
    private static final long SEED = 20_261_124L;
    private static final int ROWS = 500;

    private EmbeddedClickHouse clickhouse;
    private BaselineStore store;

    @BeforeAll
    void start() throws SQLException {
        clickhouse = EmbeddedClickHouse.start();
        try (Connection c = clickhouse.openConnection()) {
            Migrator.builder().database(DB).build().migrate(c);
        }
        store = new BaselineStore(clickhouse::openConnection, DB);
    }

    @AfterAll
    void stop() {
        if (clickhouse != null) {
            clickhouse.close();
        }
    }

    private static ReferenceProfile numeric(String name, long seed) {
        Random random = new Random(seed);
        double[] values = new double[ROWS];
        for (int i = 0; i < ROWS; i++) {
            values[i] = random.nextGaussian() * 3 + 10;
        }
        return new ReferenceProfile(name, NumericProfile.fromReference(values, Binning.deciles()));
    }

    private static ReferenceProfile categorical(String name, String... values) {
        return new ReferenceProfile(name, CategoricalProfile.fromValues(List.of(values)));
    }

    private BaselineStore storeAt(String instant) {
        return new BaselineStore(clickhouse::openConnection, DB, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void savedProfilesLoadBackEqual() {
        Map<String, ReferenceProfile> profiles = Map.of(
                "amount", numeric("amount", SEED),
                "country", categorical("country", "DE", "FR", "DE", "ünïcode, 'quoted'"));
        Instant created = store.save("roundtrip", "v1", profiles, "train.csv");

        assertThat(store.load("roundtrip", "v1")).isEqualTo(profiles).containsOnlyKeys("amount", "country");
        assertThat(store.load("roundtrip", "v2")).as("another version").isEmpty();
        assertThat(created).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void storedRowsDescribeTheProfileForAnalysts() throws SQLException {
        store.save("described", "v1", Map.of("amount", numeric("amount", SEED)), "train.csv (500 rows)");
        try (Connection c = clickhouse.openConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT kind, row_count, source, format_version,"
                     + " length(JSONExtractArrayRaw(profile_json, 'numeric', 'edges'))"
                     + " FROM " + DB + ".baselines FINAL WHERE model_id = 'described'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("numeric");
            assertThat(rs.getLong(2)).isEqualTo(ROWS);
            assertThat(rs.getString(3)).isEqualTo("train.csv (500 rows)");
            assertThat(rs.getInt(4)).isEqualTo(1);
            assertThat(rs.getInt(5)).as("deciles: 11 edges").isEqualTo(Binning.DECILE_BINS + 1);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void latestSavePerFeatureWinsAndUnsavedFeaturesKeepTheirProfile() {
        ReferenceProfile oldAmount = numeric("amount", SEED);
        ReferenceProfile newAmount = numeric("amount", SEED + 1);
        ReferenceProfile country = categorical("country", "DE", "FR");
        storeAt("2026-01-01T00:00:00Z").save("replaced", "v1",
                Map.of("amount", oldAmount, "country", country), "first");
        storeAt("2026-02-01T00:00:00Z").save("replaced", "v1", Map.of("amount", newAmount), "second");
        // an older save arriving late does not override the newer one
        storeAt("2025-12-01T00:00:00Z").save("replaced", "v1", Map.of("amount", oldAmount), "late");

        assertThat(store.load("replaced", "v1")).isEqualTo(Map.of("amount", newAmount, "country", country));
    }

    @Test
    void loadAllGroupsByModelVersion() {
        ReferenceProfile a = numeric("a", SEED + 2);
        ReferenceProfile b = categorical("b", "x", "y", "y");
        store.save("all-m1", "v1", Map.of("a", a), "s");
        store.save("all-m1", "v2", Map.of("a", a, "b", b), "s");
        store.save("all-m2", "v1", Map.of("b", b), "s");

        Map<ModelVersion, Map<String, ReferenceProfile>> all = store.loadAll();
        assertThat(all).containsEntry(new ModelVersion("all-m1", "v1"), Map.of("a", a))
                .containsEntry(new ModelVersion("all-m1", "v2"), Map.of("a", a, "b", b))
                .containsEntry(new ModelVersion("all-m2", "v1"), Map.of("b", b));
        assertThat(List.copyOf(all.keySet())).as("sorted by model and version")
                .containsSubsequence(new ModelVersion("all-m1", "v1"), new ModelVersion("all-m1", "v2"),
                        new ModelVersion("all-m2", "v1"));
    }

    @Test
    void segmentBaselinesAreStoredApartFromTheVersionsAndLoadWithTheirCreationTime() {
        ReferenceProfile wide = numeric("amount", SEED + 3);
        ReferenceProfile germany = numeric("amount", SEED + 4);
        ReferenceProfile france = categorical("channel", "web", "app");
        Instant wideAt = storeAt("2026-03-01T00:00:00Z").save("seg", "v1", Map.of("amount", wide), "all");
        Instant deAt = storeAt("2026-03-02T00:00:00Z").save("seg", "v1", "country=DE", Map.of("amount", germany), "de");
        storeAt("2026-03-03T00:00:00Z").save("seg", "v1", "country=FR", Map.of("channel", france), "fr");

        assertThat(store.load("seg", "v1")).as("a segment's save leaves the version's profile")
                .isEqualTo(Map.of("amount", wide));
        assertThat(store.load("seg", "v1", "country=DE")).isEqualTo(Map.of("amount", germany));
        assertThat(store.load("seg", "v1", "country=IT")).isEmpty();
        assertThat(store.loadAll().get(new ModelVersion("seg", "v1"))).as("loadAll: version-wide only")
                .isEqualTo(Map.of("amount", wide));

        List<StoredBaseline> scopes = store.loadScopes().stream()
                .filter(b -> b.model().equals(new ModelVersion("seg", "v1"))).toList();
        assertThat(scopes).extracting(StoredBaseline::segment).containsExactly("", "country=DE", "country=FR");
        assertThat(scopes.get(0).createdAt()).isEqualTo(wideAt);
        assertThat(scopes.get(0).versionWide()).isTrue();
        assertThat(scopes.get(1).createdAt()).isEqualTo(deAt);
        assertThat(scopes.get(1).profiles()).isEqualTo(Map.of("amount", germany));
        assertThat(scopes.get(2).profiles()).isEqualTo(Map.of("channel", france));

        assertThatThrownBy(() -> store.save("seg", "v1", "a\u001Fb", Map.of("amount", wide), "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        assertThatThrownBy(() -> store.load("seg", "v1", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segment");
    }

    @Test
    void loadScopesTakesTheLatestSaveTimeOfAScope() {
        storeAt("2026-04-01T00:00:00Z").save("ages", "v1", Map.of("a", numeric("a", SEED), "b", numeric("b", SEED)), "s");
        storeAt("2026-04-05T00:00:00Z").save("ages", "v1", Map.of("b", numeric("b", SEED + 1)), "s");
        StoredBaseline ages = store.loadScopes().stream()
                .filter(b -> b.model().equals(new ModelVersion("ages", "v1"))).findFirst().orElseThrow();
        assertThat(ages.createdAt()).isEqualTo(Instant.parse("2026-04-05T00:00:00Z"));
        assertThat(ages.profiles()).containsOnlyKeys("a", "b");
    }

    @Test
    void badArgumentsAreRejectedBeforeTouchingClickHouse() {
        ReferenceProfile amount = numeric("amount", SEED);
        assertThatThrownBy(() -> store.save(" ", "v1", Map.of("amount", amount), "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model id");
        assertThatThrownBy(() -> store.save("m", "v1", Map.of(), "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no profiles");
        assertThatThrownBy(() -> store.save("m", "v1", Map.of("price", amount), "s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key 'price'").hasMessageContaining("feature 'amount'");
        assertThatThrownBy(() -> store.load("m", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model version");
        assertThatThrownBy(() -> new BaselineStore(clickhouse::openConnection, "x; DROP TABLE y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("database name");
    }

    @Test
    void missingTableIsReportedWithTheModel() {
        BaselineStore unmigrated = new BaselineStore(clickhouse::openConnection, "never_migrated");
        assertThatThrownBy(() -> unmigrated.load("m", "v1"))
                .isInstanceOf(BaselineStoreException.class)
                .hasMessageContaining("m@v1").hasMessageContaining("never_migrated.baselines");
    }

    @Test
    void undecodableStoredProfileIsAnError() throws SQLException {
        String brokenDb = "baseline_broken_it"; // apart, so loadAll() of the other tests never meets this row
        try (Connection c = clickhouse.openConnection(); Statement s = c.createStatement()) {
            Migrator.builder().database(brokenDb).build().migrate(c);
            s.execute("INSERT INTO " + brokenDb + ".baselines (model_id, model_version, feature, kind, profile_base64,"
                    + " created_at) VALUES ('broken', 'v1', 'amount', 'numeric', 'AAAA', now64(3))");
        }
        assertThatThrownBy(() -> new BaselineStore(clickhouse::openConnection, brokenDb).load("broken", "v1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("broken@v1 feature 'amount'");
    }
}
