package io.driftwatch.schemas.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast scanner against the reference, the Jackson-based reader: whatever the scanner accepts, Jackson reads
 * to exactly the same event (every double bit for bit); whatever Jackson rejects, the scanner never accepts. On
 * the examples, on seeded mutations of them, and on generated events rich in number spellings.
 */
class PredictionScannerTest {

    private static final long SEED = 0x5CA77L;
    private static final int MUTATION_ROUNDS = 12_000;
    private static final int GENERATED_EVENTS = 20_000;

    private final EventParser parser = new EventParser();
    private final PredictionFields scanned = new PredictionFields();

    @Test
    void examplesAreAcceptedOnlyWhenJacksonReadsTheSameEvent() {
        int accepted = 0;
        for (Example example : Example.all("prediction")) {
            accepted += compare(example.bytes(), example.toString()) ? 1 : 0;
        }
        assertThat(accepted).isPositive();
    }

    @Test
    void mutatedExamplesAreAcceptedOnlyWhenJacksonReadsTheSameEvent() {
        List<Example> seeds = Example.all("prediction").stream().filter(Example::expectedValid).toList();
        Random random = new Random(SEED);
        int accepted = 0;
        for (int round = 0; round < MUTATION_ROUNDS; round++) {
            byte[] input = EventParserFuzzTest.mutate(seeds.get(random.nextInt(seeds.size())).bytes(), random);
            accepted += compare(input, "round " + round) ? 1 : 0;
        }
        assertThat(accepted).isPositive();
    }

    @Test
    void generatedEventsWithEveryNumberSpellingReadTheSame() {
        Random random = new Random(SEED + 1);
        int accepted = 0;
        for (int i = 0; i < GENERATED_EVENTS; i++) {
            String event = GeneratedEvents.event(random, i);
            accepted += compare(event.getBytes(StandardCharsets.UTF_8), event) ? 1 : 0;
        }
        // The fast path must carry the usual event, or it is not a fast path.
        assertThat(accepted).isGreaterThan(GENERATED_EVENTS * 9 / 10);
    }

    @Test
    void theBenchmarksEventShapeTakesTheFastPath() {
        String event = "{\"schema_version\":1,\"prediction_id\":\"p-17\",\"model_id\":\"fraud\",\"model_version\":\"v1\","
                + "\"timestamp\":\"2026-01-01T00:00:00.123Z\",\"features\":{\"num_0\":-1.2345,\"num_1\":17,"
                + "\"cat_0\":\"v3\",\"flag\":true,\"gone\":null},\"score\":0.123456,\"latency_ms\":7.41,"
                + "\"segment\":{\"country\":\"DE\"},\"tags\":{\"region\":\"eu\"}}";
        assertThat(PredictionScanner.scan(event.getBytes(StandardCharsets.UTF_8), ParserLimits.DEFAULT, scanned))
                .isTrue();
        assertThat(scanned.toEvent()).isEqualTo(parser.parsePrediction(event.getBytes(StandardCharsets.UTF_8)).event());
    }

    @Test
    void whatTheScannerLeavesAloneIsStillDecidedByJackson() {
        String base = "{\"schema_version\":1,\"prediction_id\":\"p\",\"model_id\":\"m\",\"model_version\":\"v\","
                + "\"timestamp\":1700000000000,\"score\":0.5,\"features\":{\"x\":%s}}";
        for (String value : List.of("\"caf\\u00e9\"", "\"café\"", "-0", "12345678901234567890", "1.0e400")) {
            byte[] bytes = String.format(base, value).getBytes(StandardCharsets.UTF_8);
            assertThat(PredictionScanner.scan(bytes, ParserLimits.DEFAULT, scanned)).as(value).isFalse();
            ParseResult<PredictionEvent> reference = parser.parsePrediction(bytes);
            PredictionFields fields = new PredictionFields();
            if (reference.isOk()) {
                assertThat(parser.parsePrediction(bytes, fields)).as(value).isEmpty();
                assertThat(fields.toEvent()).as(value).isEqualTo(reference.event());
            } else {
                assertThat(parser.parsePrediction(bytes, fields)).as(value).contains(reference.failure());
            }
        }
    }

    @Test
    void wellFormedButInvalidEventsAreNeverAccepted() {
        String valid = "{\"schema_version\":1,\"prediction_id\":\"p\",\"model_id\":\"m\",\"model_version\":\"v\","
                + "\"timestamp\":1700000000000,\"score\":0.5,\"latency_ms\":2,\"segment\":{\"c\":\"DE\"},"
                + "\"features\":{\"x\":1,\"y\":\"a\"}}";
        assertThat(compare(valid.getBytes(StandardCharsets.UTF_8), valid)).isTrue();
        List<String> invalid = List.of(
                valid.replace("\"score\":0.5", "\"score\":0.5,\"value\":3"),
                valid.replace("\"score\":0.5", "\"value\":3,\"score\":0.5"),
                valid.replace("\"score\":0.5", "\"score\":0.5,\"score\":0.5"),
                valid.replace("\"score\":0.5", "\"score\":1.5"),
                valid.replace("\"score\":0.5", "\"score\":\"0.5\""),
                valid.replace("\"latency_ms\":2", "\"latency_ms\":-2"),
                valid.replace("\"model_id\":\"m\"", "\"model_id\":\"\""),
                valid.replace("\"schema_version\":1", "\"schema_version\":2"),
                valid.replace("\"x\":1,", "\"x\":1,\"x\":2,"),
                valid.replace("{\"c\":\"DE\"}", "{\"c\":\"DE\",\"c\":\"FR\"}"),
                valid.replace("{\"c\":\"DE\"}", "{\"c\":1}"),
                valid.replace("\"x\":1", "\"x\":[1]"),
                valid.replace("\"x\":1", "\"x\":{\"a\":1}"),
                valid.replace("\"x\":1", "\"x\":NaN"),
                valid.replace("\"x\":1", "\"x\":01"),
                valid.replace("\"x\":1", "\"x\":1."),
                valid.replace("\"x\":1", "\"x\":tru"),
                valid.replace("\"timestamp\":1700000000000", "\"timestamp\":\"yesterday\""),
                valid.replace("\"timestamp\":1700000000000", "\"timestamp\":-5"),
                valid.replace("\"prediction_id\":\"p\",", ""),
                valid.replace("\"score\":0.5,", ""),
                valid + "x",
                valid.substring(0, valid.length() - 1));
        for (String event : invalid) {
            byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
            assertThat(parser.parsePrediction(bytes).isOk()).as(event).isFalse();
            assertThat(PredictionScanner.scan(bytes, ParserLimits.DEFAULT, scanned)).as(event).isFalse();
        }
    }

    /** Scans {@code input}; true when the scanner accepted it (after checking Jackson agrees). */
    private boolean compare(byte[] input, String what) {
        boolean accepted = PredictionScanner.scan(input, ParserLimits.DEFAULT, scanned);
        if (!accepted) {
            return false;
        }
        ParseResult<PredictionEvent> reference = parser.parsePrediction(input);
        assertThat(reference.isOk()).as("scanner accepted what Jackson rejects (%s): %s", reference, what).isTrue();
        assertThat(scanned.toEvent()).as(what).isEqualTo(reference.event());
        return true;
    }
}
