package io.driftwatch.schemas.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Feature values after the parser's speed-ups (Jackson's fast double parser, feature paths built only for
 * errors): every number reads as exactly the double {@link Double#parseDouble} gives for the same text, and
 * failures still name the feature's path.
 */
class EventParserFeatureValuesTest {

    private static final int RANDOM_NUMBERS = 20_000;
    /** Up to 25 significant digits: beyond the 17 that identify a double, so rounding is exercised. */
    private static final int MAX_DIGITS = 25;
    private static final int MAX_EXPONENT = 330;

    private final EventParser parser = new EventParser();

    private static String prediction(String features) {
        return "{\"schema_version\":1,\"prediction_id\":\"p\",\"model_id\":\"m\",\"model_version\":\"v\","
                + "\"timestamp\":0,\"features\":{" + features + "},\"value\":1}";
    }

    private ParseResult<PredictionEvent> parse(String features) {
        return parser.parsePrediction(prediction(features).getBytes(StandardCharsets.UTF_8));
    }

    /** Seeded JSON number texts: shortest reprs, long digit strings, exponents, subnormals, extremes. */
    private static List<String> numberTexts() {
        Random random = new Random(20261124);
        List<String> texts = new ArrayList<>(List.of("0", "-0.0", "0.0", "1", "-1", "1e0", "1E+2", "2.5e-3",
                "4.9e-324", "2.4703282292062328e-324", "2.2250738585072011e-308", "2.2250738585072014e-308",
                "1.7976931348623157e308", "9007199254740993", "0.1", "0.30000000000000004",
                "123456789012345678901234567890", "1.00000000000000011102230246251565404236316680908203125"));
        for (int i = 0; i < RANDOM_NUMBERS; i++) {
            switch (i % 3) {
                case 0 -> texts.add(Double.toString(Double.longBitsToDouble(random.nextLong() >>> 1)));
                case 1 -> texts.add(String.format(Locale.ROOT, "%.17g", random.nextGaussian() * 1e6));
                default -> {
                    StringBuilder digits = new StringBuilder(random.nextBoolean() ? "-" : "");
                    digits.append(1 + random.nextInt(9)).append('.');
                    for (int d = 1 + random.nextInt(MAX_DIGITS); d > 0; d--) {
                        digits.append(random.nextInt(10));
                    }
                    texts.add(digits.append('e').append(random.nextInt(2 * MAX_EXPONENT) - MAX_EXPONENT).toString());
                }
            }
        }
        return texts;
    }

    @Test
    void everyNumberReadsAsTheDoubleParseDoubleGives() {
        int compared = 0;
        for (String text : numberTexts()) {
            double expected = Double.parseDouble(text);
            if (!Double.isFinite(expected)) {
                continue;
            }
            ParseResult<PredictionEvent> result = parse("\"x\":" + text);
            assertThat(result.isOk()).as(text).isTrue();
            FeatureValue value = result.event().features().get("x");
            assertThat(value).as(text).isInstanceOf(FeatureValue.Num.class);
            assertThat(Double.doubleToRawLongBits(((FeatureValue.Num) value).value())).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(expected));
            compared++;
        }
        assertThat(compared).isGreaterThan(RANDOM_NUMBERS / 2);
    }

    @Test
    void failuresStillNameTheFeaturePath() {
        ParseResult<PredictionEvent> duplicate = parse("\"a\":1,\"a\":2");
        assertThat(duplicate.failure().reason()).isEqualTo(ParseFailureReason.DUPLICATE_FIELD);
        assertThat(duplicate.failure().detail()).isEqualTo("field 'features.a' appears twice");

        ParseResult<PredictionEvent> overflow = parse("\"big\":1e999");
        assertThat(overflow.failure().reason()).isEqualTo(ParseFailureReason.NON_FINITE_NUMBER);
        assertThat(overflow.failure().detail()).isEqualTo("'features.big' overflows a double");

        String tooLong = "x".repeat(ParserLimits.DEFAULT_MAX_STRING_LENGTH + 1);
        ParseResult<PredictionEvent> longText = parse("\"s\":\"" + tooLong + "\"");
        assertThat(longText.failure().reason()).isEqualTo(ParseFailureReason.STRING_TOO_LONG);
        assertThat(longText.failure().detail()).contains("'features.s'");

        ParseResult<PredictionEvent> nested = parse("\"o\":{}");
        assertThat(nested.failure().reason()).isEqualTo(ParseFailureReason.WRONG_TYPE);
        assertThat(nested.failure().detail()).startsWith("'features.o' must be a number, string, boolean or null");
    }

    @Test
    void aStringAtTheLengthLimitIsKept() {
        String atLimit = "y".repeat(ParserLimits.DEFAULT_MAX_STRING_LENGTH);
        assertThat(parse("\"s\":\"" + atLimit + "\"").event().features().get("s")).isEqualTo(new FeatureValue.Str(atLimit));
    }
}
