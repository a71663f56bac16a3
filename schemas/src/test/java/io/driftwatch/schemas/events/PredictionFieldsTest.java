package io.driftwatch.schemas.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming job's path ({@link EventParser#parsePrediction(byte[], PredictionFields)}, one reused
 * {@link PredictionFields}) agrees with the record path on every example and on seeded mutations of them: the
 * same failure (reason and detail) or the same event; nothing of one event leaks into the next.
 */
class PredictionFieldsTest {

    private static final long SEED = 0x5EEDL;
    private static final int ROUNDS = 12_000;

    private final EventParser parser = new EventParser();
    private final PredictionFields reused = new PredictionFields();

    @Test
    void everyExampleReadsTheSameThroughReusedFields() {
        List<Example> examples = Example.all("prediction");
        for (int pass = 0; pass < 2; pass++) {
            for (Example example : examples) {
                assertSameOutcome(example.bytes(), example.toString());
            }
        }
    }

    @Test
    void mutatedPredictionsReadTheSameThroughReusedFields() {
        List<Example> seeds = Example.all("prediction").stream().filter(Example::expectedValid).toList();
        Random random = new Random(SEED);
        int valid = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = EventParserFuzzTest.mutate(seeds.get(random.nextInt(seeds.size())).bytes(), random);
            valid += assertSameOutcome(input, "round " + round) ? 1 : 0;
        }
        // Both outcomes must be exercised, or the comparison proves little.
        assertThat(valid).isBetween(ROUNDS / 50, ROUNDS - ROUNDS / 50);
    }

    @Test
    void repeatedShortTextsComeBackAsOneInstance() {
        String first = "{\"schema_version\":1,\"prediction_id\":\"p1\",\"model_id\":\"fraud\",\"model_version\":\"v3\","
                + "\"timestamp\":1700000000000,\"score\":0.5,\"segment\":{\"country\":\"DE\"},"
                + "\"features\":{\"merchant\":\"grocery\",\"amount\":12.5}}";
        String second = first.replace("\"p1\"", "\"p2\"").replace("12.5", "99");
        assertThat(parser.parsePrediction(first.getBytes(StandardCharsets.UTF_8), reused)).isEmpty();
        String model = reused.modelId();
        String country = reused.segmentValue(0);
        String merchant = reused.text(0);
        assertThat(parser.parsePrediction(second.getBytes(StandardCharsets.UTF_8), reused)).isEmpty();
        assertThat(reused.modelId()).isSameAs(model);
        assertThat(reused.segmentValue(0)).isSameAs(country);
        assertThat(reused.text(0)).isSameAs(merchant);
        assertThat(reused.predictionId()).isEqualTo("p2");
        assertThat(reused.number(1)).isEqualTo(99.0);
    }

    @Test
    void aRepeatedFeatureAmongManyIsFoundPastTheLinearScan() {
        StringBuilder features = new StringBuilder();
        int n = DistinctNames.TABLE_LIMIT * 4;
        for (int i = 0; i < n; i++) {
            features.append("\"f").append(i).append("\":").append(i).append(',');
        }
        features.append("\"f").append(DistinctNames.TABLE_LIMIT + 7).append("\":1");
        String payload = "{\"schema_version\":1,\"prediction_id\":\"p\",\"model_id\":\"m\",\"model_version\":\"v\","
                + "\"timestamp\":1700000000000,\"score\":0.5,\"features\":{" + features + "}}";
        Optional<ParseFailure> failure = parser.parsePrediction(payload.getBytes(StandardCharsets.UTF_8), reused);
        assertThat(failure).isPresent();
        assertThat(failure.get().reason()).isEqualTo(ParseFailureReason.DUPLICATE_FIELD);
        assertThat(failure.get().detail()).contains("features.f" + (DistinctNames.TABLE_LIMIT + 7));
        String distinct = payload.replace(",\"f" + (DistinctNames.TABLE_LIMIT + 7) + "\":1}", "}");
        assertThat(parser.parsePrediction(distinct.getBytes(StandardCharsets.UTF_8), reused)).isEmpty();
        assertThat(reused.featureCount()).isEqualTo(n);
    }

    @Test
    void textsCollidingInTheCacheStayDistinctAndLongOnesAreNotKept() {
        TextInterner interner = new TextInterner();
        // "Aa" and "BB" have the same String hash: same slot, different text.
        byte[] aa = "xAa".getBytes(StandardCharsets.UTF_8);
        byte[] bb = "BB".getBytes(StandardCharsets.UTF_8);
        assertThat(interner.intern(aa, 1, 2)).isEqualTo("Aa");
        assertThat(interner.intern(bb, 0, 2)).isEqualTo("BB");
        assertThat(interner.intern(aa, 1, 2)).isEqualTo("Aa");
        byte[] utf8 = "日本".getBytes(StandardCharsets.UTF_8);
        assertThat(interner.intern(utf8, 0, utf8.length)).isEqualTo("日本")
                .isSameAs(interner.intern(utf8.clone(), 0, utf8.length));
        byte[] longText = "x".repeat(TextInterner.MAX_BYTES + 1).getBytes(StandardCharsets.UTF_8);
        assertThat(interner.intern(longText, 0, longText.length)).isNotSameAs(
                interner.intern(longText, 0, longText.length)).hasSize(TextInterner.MAX_BYTES + 1);
    }

    @Test
    void shortTextsAnywhereInABufferComeBackEqualAndSharedWhereverTheyAreRead() {
        TextInterner interner = new TextInterner();
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        java.util.Map<String, String> first = new java.util.HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            int length = random.nextInt(TextInterner.MAX_BYTES / 4);
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < length; c++) {
                // few distinct texts, so they repeat and collide; NUL pads a short text's word like absent bytes
                text.append("ab\0".charAt(random.nextInt(3)));
            }
            byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
            // at the end of a buffer (no room for a word read) or inside a longer one
            int before = random.nextInt(3);
            byte[] buffer = new byte[before + utf8.length + (random.nextBoolean() ? 0 : 9)];
            java.util.Arrays.fill(buffer, (byte) 'z');
            System.arraycopy(utf8, 0, buffer, before, utf8.length);
            String interned = interner.intern(buffer, before, utf8.length);
            assertThat(interned).isEqualTo(text.toString());
            String earlier = first.putIfAbsent(interned, interned);
            if (earlier != null && interned != earlier) {
                // only a slot taken by another text may hand out a fresh instance; then it is kept
                assertThat(interner.intern(buffer, before, utf8.length)).isSameAs(interned);
            }
        }
    }

    /** Both paths on {@code input}; true when it is a valid prediction. */
    private boolean assertSameOutcome(byte[] input, String what) {
        ParseResult<PredictionEvent> record = parser.parsePrediction(input);
        Optional<ParseFailure> flat = parser.parsePrediction(input, reused);
        if (record.isOk()) {
            assertThat(flat).as(what).isEmpty();
            assertThat(reused.toEvent()).as(what).isEqualTo(record.event());
            assertThat(PredictionFields.of(record.event()).toEvent()).as(what).isEqualTo(record.event());
            return true;
        }
        assertThat(flat).as(what).contains(record.failure());
        return false;
    }
}
