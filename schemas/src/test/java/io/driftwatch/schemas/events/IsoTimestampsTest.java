package io.driftwatch.schemas.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-written parser agrees with {@code java.time} (the independent reference). */
class IsoTimestampsTest {

    private static final long SEED = 20261124L;
    private static final int SAMPLES = 20_000;

    @Test
    void epochDayAgreesWithLocalDateOnEveryDayOfFourDigitYears() {
        for (java.time.LocalDate date = java.time.LocalDate.of(0, 1, 1); date.getYear() <= 9999; date = date.plusDays(1)) {
            assertThat(IsoTimestamps.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
                    .as(date.toString()).isEqualTo(date.toEpochDay());
        }
    }

    @Test
    void parsesATimestampInsideALargerBufferAndReportsPositionsWithinIt() {
        byte[] payload = "{\"timestamp\":\"2026-11-24T21:10:34.123Z\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(IsoTimestamps.parse(payload, 14, 24)).isEqualTo(
                OffsetDateTime.parse("2026-11-24T21:10:34.123Z").toInstant().toEpochMilli());
        byte[] bad = "xx2026-11-24X21:10Zyy".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> IsoTimestamps.parse(bad, 2, 17)).isInstanceOfSatisfying(EventFormatException.class,
                e -> assertThat(e.getMessage()).contains("'2026-11-24X21:10Z'").contains("expected 'T' at position 10"));
    }

    @Test
    void charactersBeyondLatin1KeepTheirPositionInErrors() {
        assertThatThrownBy(() -> IsoTimestamps.parse("2026-11-24T21:1\u20ACZ")).isInstanceOfSatisfying(
                EventFormatException.class, e -> assertThat(e.getMessage()).contains("expected a digit at position 15"));
    }

    @Test
    void agreesWithJavaTimeOnRandomTimestamps() {
        Random random = new Random(SEED);
        for (int i = 0; i < SAMPLES; i++) {
            long millis = (long) (random.nextDouble() * IsoTimestamps.MAX_EPOCH_MILLIS);
            int offsetMinutes = (random.nextInt(2 * 18 * 60 + 1) - 18 * 60);
            OffsetDateTime time = OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(millis),
                    java.time.ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
            if (time.getYear() > 9999) {
                continue;
            }
            String pattern = switch (random.nextInt(4)) {
                case 0 -> "yyyy-MM-dd'T'HH:mmXXX";
                case 1 -> "yyyy-MM-dd'T'HH:mm:ssXXX";
                case 2 -> "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
                default -> "yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX";
            };
            String text = time.format(DateTimeFormatter.ofPattern(pattern));
            long expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
            if (expected < 0) {
                continue;
            }
            assertThat(IsoTimestamps.parse(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void truncatesSubMillisecondDigits() {
        assertThat(IsoTimestamps.parse("1970-01-01T00:00:00.0019Z")).isEqualTo(1L);
        assertThat(IsoTimestamps.parse("1970-01-01T00:00:00.5Z")).isEqualTo(500L);
        assertThat(IsoTimestamps.parse("2024-02-29T00:00:00-00:30")).isEqualTo(
                OffsetDateTime.parse("2024-02-29T00:30:00Z").toInstant().toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026", "2026-11-24", "2026-11-24T21:10", "2026-11-24 21:10Z", "2026-11-24t21:10Z",
            "2026-11-24T21:10z", "2026-13-01T00:00Z", "2026-00-01T00:00Z", "2026-02-29T00:00Z", "2026-04-31T00:00Z",
            "2026-11-24T24:00Z", "2026-11-24T23:60Z", "2026-11-24T23:59:60Z", "2026-11-24T23:59:59.Z",
            "2026-11-24T23:59:59.1234567890Z", "2026-11-24T23:59+18:01", "2026-11-24T23:59+0100", "2026-11-24T23:59Z ",
            "+2026-11-24T23:59Z", "1969-12-31T23:59:59Z", "2026-11-24T23:59:59+01:60", "2026-11-24T23:5٣Z"})
    void rejectsMalformedOrOutOfRange(String text) {
        assertThatThrownBy(() -> IsoTimestamps.parse(text)).isInstanceOfSatisfying(EventFormatException.class,
                e -> assertThat(e.reason()).isEqualTo(ParseFailureReason.INVALID_TIMESTAMP));
    }

    @Test
    void acceptsTheExtremes() {
        assertThat(IsoTimestamps.parse("1970-01-01T00:00Z")).isZero();
        assertThat(IsoTimestamps.parse("9999-12-31T23:59:59.999Z")).isEqualTo(IsoTimestamps.MAX_EPOCH_MILLIS);
        assertThat(IsoTimestamps.parse("2026-11-24T23:59+18:00")).isEqualTo(
                OffsetDateTime.parse("2026-11-24T05:59Z").toInstant().toEpochMilli());
        assertThatThrownBy(() -> IsoTimestamps.checkRange(IsoTimestamps.MAX_EPOCH_MILLIS + 1))
                .isInstanceOf(EventFormatException.class);
    }
}
