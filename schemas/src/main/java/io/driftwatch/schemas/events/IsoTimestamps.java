package io.driftwatch.schemas.events;

import java.nio.charset.StandardCharsets;
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
    private static final int DECIMAL_BASE = 10;
    private static final char LAST_LATIN1 = 0xFF;
    private static final byte NOT_LATIN1 = '?';
    // days_from_civil's constants: a 400-year era repeats the calendar exactly.
    private static final int YEARS_PER_ERA = 400;
    private static final long DAYS_PER_ERA = 146_097L;
    private static final int DAYS_PER_YEAR = 365;
    private static final int LEAP_YEAR_EVERY = 4;
    private static final int CENTURY = 100;
    private static final int MONTHS_BEFORE_MARCH_WRAP = 9;
    /** March to July (and August to December) hold 153 days: day of year from a month counted from March. */
    private static final int DAYS_PER_FIVE_MONTHS = 153;
    private static final int FIVE_MONTHS = 5;
    /** From 0000-03-01 (day 0 of era 0) to 1970-01-01. */
    private static final long DAYS_FROM_ERA_START_TO_EPOCH = 719_468L;

    private IsoTimestamps() {}

    /** Epoch millis of {@code text}; throws {@link EventFormatException} with {@code invalid_timestamp}. */
    static long parse(String text) {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            char ch = text.charAt(i);
            bytes[i] = (byte) (ch <= LAST_LATIN1 ? ch : NOT_LATIN1); // one byte per char keeps error positions
        }
        return parse(bytes, 0, bytes.length);
    }

    /** Epoch millis of the ASCII text {@code bytes[start, start + length)}; as {@link #parse(String)}. */
    static long parse(byte[] bytes, int start, int length) {
        Cursor c = new Cursor(bytes, start, length);
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
            throw c.invalid("month out of range");
        }
        if (day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            throw c.invalid("day out of range");
        }
        if (hour > MAX_HOUR || minute > MAX_MINUTE || second > MAX_SECOND) {
            throw c.invalid("time of day out of range");
        }
        long epochSecond = epochDay(year, month, day) * SECONDS_PER_DAY + (long) hour * SECONDS_PER_HOUR
                + (long) minute * SECONDS_PER_MINUTE + second - offsetSeconds;
        return checkRange(epochSecond * MILLIS_PER_SECOND + millis);
    }

    /**
     * Days from 1970-01-01 to a valid proleptic Gregorian date of a four-digit year, without allocating a
     * {@code LocalDate}: Howard Hinnant's {@code days_from_civil}, on years that start in March so the leap day
     * is a year's last. {@code IsoTimestampsTest} checks it against {@code LocalDate} for every day of 0000-9999.
     */
    static long epochDay(int year, int month, int day) {
        int marchYear = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(marchYear, YEARS_PER_ERA);
        int yearOfEra = marchYear - era * YEARS_PER_ERA;
        int monthFromMarch = (month + MONTHS_BEFORE_MARCH_WRAP) % MONTHS_PER_YEAR;
        int dayOfYear = (DAYS_PER_FIVE_MONTHS * monthFromMarch + 2) / FIVE_MONTHS + day - 1;
        int dayOfEra = yearOfEra * DAYS_PER_YEAR + yearOfEra / LEAP_YEAR_EVERY - yearOfEra / CENTURY + dayOfYear;
        return (long) era * DAYS_PER_ERA + dayOfEra - DAYS_FROM_ERA_START_TO_EPOCH;
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
        private final byte[] bytes;
        private final int start;
        private final int end;
        private int pos;

        Cursor(byte[] bytes, int start, int length) {
            this.bytes = bytes;
            this.start = start;
            this.end = start + length;
            this.pos = start;
        }

        EventFormatException invalid(String why) {
            return IsoTimestamps.invalid(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1), why);
        }

        boolean peek(char ch) {
            return pos < end && bytes[pos] == ch;
        }

        void expect(char ch) {
            if (!peek(ch)) {
                throw invalid("expected '" + ch + "' at position " + (pos - start));
            }
            pos++;
        }

        void expectEnd() {
            if (pos != end) {
                throw invalid("unexpected text at position " + (pos - start));
            }
        }

        int digits(int count) {
            int value = 0;
            for (int i = 0; i < count; i++) {
                value = value * DECIMAL_BASE + digit();
            }
            return value;
        }

        int fractionMillis() {
            int fractionStart = pos;
            int millis = 0;
            while (pos < end && isAsciiDigit(bytes[pos])) {
                int digit = digit();
                if (pos - fractionStart <= MILLIS_DIGITS) {
                    millis = millis * DECIMAL_BASE + digit;
                }
            }
            int length = pos - fractionStart;
            if (length == 0 || length > MAX_FRACTION_DIGITS) {
                throw invalid("fraction of a second must have 1 to 9 digits");
            }
            for (int i = length; i < MILLIS_DIGITS; i++) {
                millis *= DECIMAL_BASE;
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
                throw invalid("missing offset (Z, +HH:mm or -HH:mm)");
            }
            pos++;
            int hours = digits(FIELD_DIGITS);
            expect(':');
            int minutes = digits(FIELD_DIGITS);
            int seconds = hours * SECONDS_PER_HOUR + minutes * SECONDS_PER_MINUTE;
            if (minutes > MAX_MINUTE || seconds > MAX_OFFSET_HOURS * SECONDS_PER_HOUR) {
                throw invalid("offset out of range (at most 18:00)");
            }
            return sign * seconds;
        }

        private static boolean isAsciiDigit(byte b) {
            return b >= '0' && b <= '9';
        }

        private int digit() {
            if (pos >= end) {
                throw invalid("too short");
            }
            byte b = bytes[pos];
            if (!isAsciiDigit(b)) {
                throw invalid("expected a digit at position " + (pos - start));
            }
            pos++;
            return b - '0';
        }
    }
}
