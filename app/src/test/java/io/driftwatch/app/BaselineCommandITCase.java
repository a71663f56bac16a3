package io.driftwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.detectors.profile.NumericProfile;
import io.driftwatch.detectors.profile.ReferenceProfile;
import io.driftwatch.flink.baseline.BaselineStore;
import io.driftwatch.flink.baseline.ModelVersion;
import io.driftwatch.flink.baseline.StoredBaseline;
import io.driftwatch.localstack.clickhouse.EmbeddedClickHouse;
import io.driftwatch.schemas.migrate.Migrator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code driftwatch baseline} end to end on a real ClickHouse: the profiles it stores load back with
 * {@link BaselineStore} and match numpy's quantile edges, bin counts, moments and category counts, which
 * {@code app/src/test/python/gen_baseline_case.py} computed for the committed training CSV.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaselineCommandITCase {

    /** House rule: statistics within 1e-9 relative of numpy. */
    private static final double RELATIVE_TOLERANCE = 1e-9;
    private static final String DB = Migrator.DEFAULT_DATABASE;
    private static final List<String> FEATURES = List.of("age", "amount", "clicks", "country", "zip");

    private EmbeddedClickHouse clickhouse;
    private BaselineStore store;
    private JsonNode expected;
    private String train;

    @BeforeAll
    void start() throws SQLException, IOException, URISyntaxException {
        clickhouse = EmbeddedClickHouse.start();
        try (Connection c = clickhouse.openConnection()) {
            Migrator.driftwatch().migrate(c);
        }
        store = new BaselineStore(clickhouse::openConnection, DB);
        try (InputStream in = getClass().getResourceAsStream("/baseline/expected.json")) {
            expected = new ObjectMapper().readTree(in);
        }
        train = Path.of(getClass().getResource("/baseline/train.csv").toURI()).toString();
    }

    @AfterAll
    void stop() {
        if (clickhouse != null) {
            clickhouse.close();
        }
    }

    private CliRun baseline(String version, String... extra) {
        List<String> args = new ArrayList<>(List.of("baseline", "--model", "fraud", "--version", version,
                "--input", train, "--exclude", "id,label", "--categorical", "zip",
                "--clickhouse-url", clickhouse.jdbcUrl()));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    @Test
    void decileBaselineMatchesNumpyAndLoadsBack() {
        CliRun run = baseline("v1", "--format", "json");
        JsonNode summary = run.json();
        assertThat(summary.get("rows").asInt()).isEqualTo(expected.get("rows").asInt());
        assertThat(summary.get("table").asText()).isEqualTo(DB + ".baselines");
        assertThat(summary.get("features").findValuesAsText("feature"))
                .containsExactly("amount", "clicks", "age", "country", "zip");
        JsonNode amountSummary = summary.get("features").get(0);
        assertThat(amountSummary.get("missing").asInt())
                .isEqualTo(expected.get("numeric").get("amount").get("missing").asInt()).isPositive();

        Map<String, ReferenceProfile> loaded = store.load("fraud", "v1");
        assertThat(loaded).containsOnlyKeys(FEATURES);
        assertNumericMatchesNumpy(loaded, "deciles");
        assertCategoricalMatchesNumpy(loaded);
        assertThat(loaded.get("clicks").numeric().edges().binCount())
                .as("tied deciles of a mostly-zero column collapse").isLessThan(10);
    }

    @Test
    void explicitBinCountGivesNumpyQuartiles() {
        baseline("v2", "--bins", "4");
        Map<String, ReferenceProfile> loaded = store.load("fraud", "v2");
        assertThat(loaded).containsOnlyKeys(FEATURES);
        assertNumericMatchesNumpy(loaded, "quartiles");
    }

    @Test
    void textSummaryNamesEveryFeatureWithKindAndShape() {
        CliRun run = baseline("v3", "--source", "training export 2026-11");
        assertThat(run.out()).contains("baseline of fraud version v3: 5 feature(s) from 2000 rows")
                .containsPattern("amount\\s+numeric\\s+\\d+ rows\\s+\\d+ missing\\s+10 bins")
                .containsPattern("zip\\s+categorical\\s+2000 rows\\s+0 missing\\s+4 categories");
        assertThat(store.loadAll()).containsKey(new ModelVersion("fraud", "v3"));
    }

    @Test
    void segmentColumnStoresAProfilePerValueMatchingNumpyBesideTheVersionWideOne() throws IOException {
        JsonNode segments;
        try (InputStream in = getClass().getResourceAsStream("/baseline/expected_segments.json")) {
            segments = new ObjectMapper().readTree(in);
        }
        CliRun run = baseline("v4", "--segment-column", "country", "--format", "json");
        JsonNode summary = run.json();
        assertThat(summary.get("segments").findValuesAsText("segment"))
                .containsExactlyInAnyOrderElementsOf(fieldNames(segments));

        Map<String, ReferenceProfile> wide = store.load("fraud", "v4");
        assertThat(wide).as("the version-wide baseline is unchanged").containsOnlyKeys(FEATURES);
        assertNumericMatchesNumpy(wide, "deciles");
        for (Iterator<String> it = segments.fieldNames(); it.hasNext(); ) {
            String segment = it.next();
            JsonNode e = segments.get(segment);
            Map<String, ReferenceProfile> own = store.load("fraud", "v4", segment);
            assertThat(own).as(segment + ": the segment column is left out")
                    .containsOnlyKeys("age", "amount", "clicks", "zip");
            for (Iterator<String> f = e.get("numeric").fieldNames(); f.hasNext(); ) {
                String feature = f.next();
                JsonNode n = e.get("numeric").get(feature);
                NumericProfile p = own.get(feature).numeric();
                String what = segment + " " + feature;
                assertThat(p.count()).as(what + " count").isEqualTo(n.get("count").asLong());
                assertThat(p.min()).as(what + " min").isEqualTo(n.get("min").asDouble());
                assertThat(p.max()).as(what + " max").isEqualTo(n.get("max").asDouble());
                assertRelative(what + " mean", p.mean(), n.get("mean").asDouble());
                assertRelative(what + " std", p.std(), n.get("std").asDouble());
                double[] interior = p.edges().interiorEdges();
                assertThat(interior).as(what + " edges").hasSize(n.get("interior_edges").size());
                for (int i = 0; i < interior.length; i++) {
                    assertRelative(what + " edge " + i, interior[i], n.get("interior_edges").get(i).asDouble());
                }
                long[] counts = p.binCounts();
                for (int i = 0; i < counts.length; i++) {
                    assertThat(counts[i]).as(what + " bin " + i).isEqualTo(n.get("bin_counts").get(i).asLong());
                }
            }
            Map<String, Long> zips = own.get("zip").categorical().counts();
            e.get("categorical").get("zip").properties().forEach(c ->
                    assertThat(zips.get(c.getKey())).as(segment + " zip " + c.getKey()).isEqualTo(c.getValue().asLong()));
            assertThat(zips).hasSize(e.get("categorical").get("zip").size());
        }
        assertThat(store.loadScopes().stream().filter(b -> b.model().equals(new ModelVersion("fraud", "v4")))
                .map(StoredBaseline::segment).toList()).as("version-wide first, then each country")
                .containsExactly("", "country=DE", "country=FR", "country=GB", "country=PL", "country=US");
    }

    @Test
    void unknownSegmentColumnIsRejectedAndNothingIsStored() {
        CliRun run = CliRun.of("baseline", "--model", "fraud", "--version", "v5", "--input", train,
                "--segment-column", "region", "--clickhouse-url", clickhouse.jdbcUrl());
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--segment-column").contains("region");
        assertThat(store.load("fraud", "v5")).isEmpty();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private void assertNumericMatchesNumpy(Map<String, ReferenceProfile> loaded, String binning) {
        for (Iterator<String> it = expected.get("numeric").fieldNames(); it.hasNext(); ) {
            String feature = it.next();
            JsonNode e = expected.get("numeric").get(feature);
            NumericProfile p = loaded.get(feature).numeric();
            double[] interior = p.edges().interiorEdges();
            JsonNode expectedEdges = e.get(binning).get("interior_edges");
            assertThat(interior).as(feature + " edge count").hasSize(expectedEdges.size());
            for (int i = 0; i < interior.length; i++) {
                assertRelative(feature + " edge " + i, interior[i], expectedEdges.get(i).asDouble());
            }
            long[] counts = p.binCounts();
            JsonNode expectedCounts = e.get(binning).get("bin_counts");
            assertThat(counts).as(feature + " bin counts").hasSize(expectedCounts.size());
            for (int i = 0; i < counts.length; i++) {
                assertThat(counts[i]).as(feature + " bin " + i).isEqualTo(expectedCounts.get(i).asLong());
            }
            assertThat(p.count()).as(feature + " count").isEqualTo(e.get("count").asLong());
            assertThat(p.min()).as(feature + " min").isEqualTo(e.get("min").asDouble());
            assertThat(p.max()).as(feature + " max").isEqualTo(e.get("max").asDouble());
            assertRelative(feature + " mean", p.mean(), e.get("mean").asDouble());
            assertRelative(feature + " std", p.std(), e.get("std").asDouble());
        }
    }

    private void assertCategoricalMatchesNumpy(Map<String, ReferenceProfile> loaded) {
        for (Iterator<String> it = expected.get("categorical").fieldNames(); it.hasNext(); ) {
            String feature = it.next();
            Map<String, Long> counts = loaded.get(feature).categorical().counts();
            JsonNode e = expected.get("categorical").get(feature);
            assertThat(counts).as(feature).hasSize(e.size());
            e.properties().forEach(c -> assertThat(counts.get(c.getKey())).as(feature + " " + c.getKey())
                    .isEqualTo(c.getValue().asLong()));
        }
    }

    private static void assertRelative(String what, double actual, double expected) {
        assertThat(actual).as(what).isCloseTo(expected, within(RELATIVE_TOLERANCE * Math.max(1.0, Math.abs(expected))));
    }
}
