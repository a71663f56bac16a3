package io.driftwatch.schemas.events;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Event-time parsing: ISO-8601 date-time with a mandatory offset, exactly the syntax of the {@code timestamp}
 * pattern in the JSON Schemas: {@code yyyy-MM-ddTHH:mm[:ss[.f{1,9}]](Z|+HH:mm|-HH:mm)}. Hand-written because
 * {@code DateTimeFormatter} costs about a microsecond per call on the hot path. Fractions below a millisecond
 * are truncated. No leap seconds (second 60 is rejected).
 */
final class IsoTimestamps {

    /** 9999-12-31T23:59:59.999Z, the last instant with a four-digit year. */
    static final long MAX_EPOCH_MILLIS = 253_402_300_799_999L;
    /** Timestamps before the epoch are certainly producer bugs (and epoch 0 is the usual one). */
    static final long MIN_EPOCH_MILLIS = 0L;
    /** Largest offset {@code java.time.ZoneOffset} accepts. */
    private static final int MAX_OFFSET_HOURS = 18;
    private static final int YEAR_DIGITS = 4;
    private static final int FIELD_DIGITS = 2;
    private static final int MONTHS_PER_YEAR = 12;
    private static final int MAX_HOUR = 23;
    private static final int MAX_MINUTE = 59;
    private static final int MAX_SECOND = 59;
    private static final int MILLIS_DIGITS = 3;
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final int SECONDS_PER_HOUR = 3_600;
    private static final int SECONDS_PER_MINUTE = 60;
    private static final long MILLIS_PER_SECOND = 1_000L;

    private IsoTimestamps() {}

    /** Epoch millis of {@code text}; throws {@link EventFormatException} with {@code invalid_timestamp}. */
    static long parse(String text) {
        Cursor c = new Cursor(text);
        int year = c.digits(YEAR_DIGITS);
        c.expect('-');
        int month = c.digits(FIELD_DIGITS);
        c.expect('-');
        int day = c.digits(FIELD_DIGITS);
        c.expect('T');
        int hour = c.digits(FIELD_DIGITS);
        c.expect(':');
        int minute = c.digits(FIELD_DIGITS);
        int second = 0;
        int millis = 0;
        if (c.peek(':')) {
            c.expect(':');
            second = c.digits(FIELD_DIGITS);
            if (c.peek('.')) {
                c.expect('.');
                millis = c.fractionMillis();
            }
        }
        int offsetSeconds = c.offsetSeconds();
        c.expectEnd();
        if (month < 1 || month > MONTHS_PER_YEAR) {
            throw invalid(text, "month out of range");
        }
        if (day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            throw invalid(text, "day out of range");
        }
        if (hour > MAX_HOUR || minute > MAX_MINUTE || second > MAX_SECOND) {
            throw invalid(text, "time of day out of range");
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        long epochSecond = epochDay * SECONDS_PER_DAY + (long) hour * SECONDS_PER_HOUR
                + (long) minute * SECONDS_PER_MINUTE + second - offsetSeconds;
        return checkRange(epochSecond * MILLIS_PER_SECOND + millis);
    }

    /** Checks epoch millis given as a JSON integer. */
    static long checkRange(long epochMillis) {
        if (epochMillis < MIN_EPOCH_MILLIS || epochMillis > MAX_EPOCH_MILLIS) {
            throw new EventFormatException(ParseFailureReason.INVALID_TIMESTAMP,
                    "timestamp " + epochMillis + " ms is outside [" + MIN_EPOCH_MILLIS + ", " + MAX_EPOCH_MILLIS + "]");
        }
        return epochMillis;
    }

    private static EventFormatException invalid(String text, String why) {
        return new EventFormatException(ParseFailureReason.INVALID_TIMESTAMP,
                "timestamp '" + Texts.clip(text) + "': " + why
                        + "; expected ISO-8601 with offset, e.g. 2026-11-24T21:10:34.123Z, or epoch millis");
    }

    /** Position in the text being parsed. */
    private static final class Cursor {
        private final String text;
        private int pos;

        Cursor(String text) {
            this.text = text;
        }

        boolean peek(char ch) {
            return pos < text.length() && text.charAt(pos) == ch;
        }

        void expect(char ch) {
            if (!peek(ch)) {
                throw invalid(text, "expected '" + ch + "' at position " + pos);
            }
            pos++;
        }

        void expectEnd() {
            if (pos != text.length()) {
                throw invalid(text, "unexpected text at position " + pos);
            }
        }

        int digits(int count) {
            int value = 0;
            for (int i = 0; i < count; i++) {
                value = value * 10 + digit();
            }
            return value;
        }

        int fractionMillis() {
            int start = pos;
            int millis = 0;
            while (pos < text.length() && isAsciiDigit(text.charAt(pos))) {
                int digit = digit();
                if (pos - start <= MILLIS_DIGITS) {
                    millis = millis * 10 + digit;
                }
            }
            int length = pos - start;
            if (length == 0 || length > MAX_FRACTION_DIGITS) {
                throw invalid(text, "fraction of a second must have 1 to 9 digits");
            }
            for (int i = length; i < MILLIS_DIGITS; i++) {
                millis *= 10;
            }
            return millis;
        }

        int offsetSeconds() {
            if (peek('Z')) {
                pos++;
                return 0;
            }
            int sign;
            if (peek('+')) {
                sign = 1;
            } else if (peek('-')) {
                sign = -1;
            } else {
                throw invalid(text, "missing offset (Z, +HH:mm or -HH:mm)");
            }
            pos++;
            int hours = digits(FIELD_DIGITS);
            expect(':');
            int minutes = digits(FIELD_DIGITS);
            int seconds = hours * SECONDS_PER_HOUR + minutes * SECONDS_PER_MINUTE;
            if (minutes > MAX_MINUTE || seconds > MAX_OFFSET_HOURS * SECONDS_PER_HOUR) {
                throw invalid(text, "offset out of range (at most 18:00)");
            }
            return sign * seconds;
        }

        private static boolean isAsciiDigit(char ch) {
            return ch >= '0' && ch <= '9';
        }

        private int digit() {
            if (pos >= text.length()) {
                throw invalid(text, "too short");
            }
            char ch = text.charAt(pos);
            if (!isAsciiDigit(ch)) {
                throw invalid(text, "expected a digit at position " + pos);
            }
            pos++;
            return ch - '0';
        }
    }
}
