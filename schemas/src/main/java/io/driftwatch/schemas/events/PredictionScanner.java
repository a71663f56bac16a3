package io.driftwatch.schemas.events;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/**
 * The fast path of {@link EventParser#parsePrediction(byte[], PredictionFields)}: one pass over the bytes of the
 * usual, valid prediction, straight into {@link PredictionFields}, without Jackson's tokens. It handles only
 * ASCII text without escapes, the known fields except {@code scores}, and numbers it can convert exactly; on
 * anything else (any error, an unknown field, a duplicate, an escape, a limit) it gives up and the caller
 * re-reads the payload with the Jackson-based reader, which is the reference: every failure, and every event
 * outside this subset, is decided there. {@code PredictionScannerTest} checks that whatever this accepts, Jackson
 * reads to exactly the same fields.
 */
final class PredictionScanner {

    /** Jackson's own limit on a number's length (longer: {@code number_too_long}, decided by the slow path). */
    private static final int MAX_NUMBER_LENGTH = 1000;
    /** Below 2^53 every integer is an exact double (Clinger's fast path: one exact operand, one rounding). */
    private static final long MAX_EXACT_MANTISSA = 1L << 53;
    /** 10^22 is the largest power of ten that is an exact double. */
    private static final double[] EXACT_POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
        1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** 10^0 to 10^8, to shift a mantissa left by a word's digits. */
    private static final long[] LONG_POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L,
        10_000_000L, 100_000_000L};
    /** More digits than this could overflow the long mantissa; such numbers take {@link Double#parseDouble}. */
    private static final int MAX_LONG_DIGITS = 18;
    /** Objects nest two deep here (the event, then features/segment/tags). */
    private static final int DEPTH = 2;
    private static final int DECIMAL_BASE = 10;
    private static final int DECIMAL_DIGIT_MAX = 9;
    private static final int FIRST_NON_ASCII = 0x80;
    private static final int FIRST_PRINTABLE = 0x20;
    private static final int BYTE_MASK = 0xFF;
    /** Bytes a plain string holds as they are: printable ASCII except the quote and the backslash. */
    private static final boolean[] PLAIN = new boolean[BYTE_MASK + 1];

    static {
        for (int b = FIRST_PRINTABLE; b < FIRST_NON_ASCII; b++) {
            PLAIN[b] = b != '"' && b != '\\';
        }
    }

    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    /** {@link EventFields#PREDICTION_REQUIRED} as a mask of {@link #bit}s. */
    private static final long REQUIRED = EventFields.PREDICTION_REQUIRED.stream()
            .mapToLong(PredictionScanner::bit).reduce(0L, (a, b) -> a | b);

    private final byte[] in;
    private final ParserLimits limits;
    private final PredictionFields into;
    private int pos;
    /** The last number read, and whether it was written as an integer (no fraction, no exponent). */
    private double number;
    private boolean integral;
    private long integralValue;
    /** The number being read: its first {@value #MAX_LONG_DIGITS} digits, and how many digits it has. */
    private long mantissa;
    private int digits;
    /** Bounds of the content of the last plain string read. */
    private int textStart;
    private int textLength;

    private PredictionScanner(byte[] in, ParserLimits limits, PredictionFields into) {
        this.in = in;
        this.limits = limits;
        this.into = into;
    }

    /** {@code true}: {@code into} holds the valid event; {@code false}: not decided here (re-read it). */
    static boolean scan(byte[] payload, ParserLimits limits, PredictionFields into) {
        if (limits.maxDepth() < DEPTH) {
            return false;
        }
        into.clear();
        return new PredictionScanner(payload, limits, into).event();
    }

    private boolean event() {
        skipWhitespace();
        if (!take('{')) {
            return false;
        }
        long seen = 0;
        int position = 0;
        do {
            EventFields.Field field = topLevelField(position++);
            if (!colon() || field == null || field == EventFields.Field.LABEL || field == EventFields.Field.SCORES
                    || (seen & bit(field)) != 0 || !value(field)) {
                return false;
            }
            seen |= bit(field);
            skipWhitespace();
        } while (take(','));
        if (!take('}')) {
            return false;
        }
        skipWhitespace();
        return pos == in.length && into.output != null && hasAll(seen);
    }

    private boolean value(EventFields.Field field) {
        switch (field) {
            case SCHEMA_VERSION:
                if (!number() || !integral || integralValue != PredictionEvent.CURRENT_SCHEMA_VERSION) {
                    return false;
                }
                into.schemaVersion = PredictionEvent.CURRENT_SCHEMA_VERSION;
                return true;
            case PREDICTION_ID:
                into.predictionId = identifier(false);
                return into.predictionId != null;
            case MODEL_ID:
                into.modelId = identifier(true);
                return into.modelId != null;
            case MODEL_VERSION:
                into.modelVersion = identifier(true);
                return into.modelVersion != null;
            case TIMESTAMP:
                return timestamp();
            case FEATURES:
                return features();
            case SCORE:
                if (into.output != null || !number() || !(number >= 0.0 && number <= 1.0)) {
                    return false;
                }
                into.output = new ModelOutput.BinaryScore(number);
                return true;
            case VALUE:
                if (into.output != null || !number()) {
                    return false;
                }
                into.output = new ModelOutput.RegressionValue(number);
                return true;
            case PREDICTED_CLASS:
                if (literal(NULL)) {
                    return true;
                }
                into.predictedClass = text(true);
                return into.predictedClass != null;
            case LATENCY_MS:
                if (literal(NULL)) {
                    return true;
                }
                if (!number() || number < 0) {
                    return false;
                }
                into.latencyMs = number;
                return true;
            case SEGMENT:
                return stringMap(true);
            case TAGS:
                return stringMap(false);
            default:
                return false;
        }
    }

    private boolean timestamp() {
        try {
            if (peek() == '"') {
                if (!plainString()) {
                    return false;
                }
                into.eventTimeMillis = IsoTimestamps.parse(in, textStart, textLength);
                return true;
            }
            if (!number() || !integral) {
                return false;
            }
            into.eventTimeMillis = IsoTimestamps.checkRange(integralValue);
            return true;
        } catch (EventFormatException e) {
            return false; // the slow path reports it
        }
    }

    private boolean features() {
        if (!take('{')) {
            return false;
        }
        skipWhitespace();
        if (take('}')) {
            return true;
        }
        do {
            String name = name(into.featureNamesByPosition, into.featureCount);
            if (name == null || !colon() || !feature(name) || !into.featureNamesSeen.add(name)) {
                return false;
            }
            skipWhitespace();
        } while (take(','));
        return take('}');
    }

    private boolean feature(String name) {
        int b = peek();
        if (b == '"') {
            String text = text(true);
            if (text == null) {
                return false;
            }
            into.addFeature(name, FeatureKind.TEXT, 0.0, text);
        } else if (b == 't' && literal(TRUE)) {
            into.addFeature(name, FeatureKind.BOOLEAN, 1.0, null);
        } else if (b == 'f' && literal(FALSE)) {
            into.addFeature(name, FeatureKind.BOOLEAN, 0.0, null);
        } else if (b == 'n' && literal(NULL)) {
            into.addFeature(name, FeatureKind.NULL, 0.0, null);
        } else if (number()) {
            into.addFeature(name, FeatureKind.NUMBER, number, null);
        } else {
            return false;
        }
        return true;
    }

    /** {@code segment} (entries into the fields) or {@code tags} (a map): null or an object of strings. */
    private boolean stringMap(boolean segment) {
        if (literal(NULL)) {
            return true;
        }
        if (!take('{')) {
            return false;
        }
        skipWhitespace();
        if (take('}')) {
            return true;
        }
        LinkedHashMap<String, String> tags = segment ? null : new LinkedHashMap<>();
        do {
            String key = segment ? name(into.segmentKeysByPosition, into.segmentCount) : name();
            if (key == null || !colon()) {
                return false;
            }
            String value = text(true);
            if (value == null) {
                return false;
            }
            if (segment) {
                if (!into.segmentKeysSeen.add(key)) {
                    return false;
                }
                into.addSegment(key, value);
            } else if (tags.putIfAbsent(key, value) != null) {
                return false;
            }
            skipWhitespace();
        } while (take(','));
        if (!segment) {
            into.tags = tags;
        }
        return take('}');
    }

    private String identifier(boolean intern) {
        String text = text(intern);
        return text == null || text.isEmpty() ? null : text;
    }

    /** A field name (interned) after optional whitespace, or {@code null}. */
    private String name() {
        skipWhitespace();
        return text(true);
    }

    /** The name at {@code position} of an object whose names {@code byPosition} remembers, or {@code null}. */
    private String name(PositionalNames<String> byPosition, int position) {
        skipWhitespace();
        String name = rememberedName(byPosition, position);
        if (name != null) {
            return name;
        }
        if (!plainString()) {
            return null;
        }
        // not the previous event's name here (else it matched above): a new one for this position
        name = into.ascii(in, textStart, textLength);
        byPosition.remember(position, in, textStart, textLength, name);
        return name;
    }

    /** The known top-level field named at {@code position}, or {@code null} (unknown, or not a plain name). */
    private EventFields.Field topLevelField(int position) {
        skipWhitespace();
        EventFields.Field field = rememberedName(into.fieldsByPosition, position);
        if (field != null) {
            return field;
        }
        if (!plainString()) {
            return null;
        }
        field = EventFields.Field.byName(into.ascii(in, textStart, textLength));
        if (field != null) {
            into.fieldsByPosition.remember(position, in, textStart, textLength, field);
        }
        return field;
    }

    /**
     * The usual case of a name: the same quoted name as at this position in the previous event, matched in place
     * and consumed; {@code null} (nothing consumed) otherwise.
     */
    private <T> T rememberedName(PositionalNames<T> byPosition, int position) {
        int start = pos + 1;
        if (start >= in.length || in[pos] != '"') {
            return null;
        }
        T value = byPosition.matchQuoted(position, in, start);
        if (value == null) {
            return null;
        }
        int length = byPosition.length(position);
        if (length > limits.maxStringLength()) {
            return null;
        }
        textStart = start;
        textLength = length;
        pos = start + length + 1;
        return value;
    }

    private boolean colon() {
        skipWhitespace();
        if (!take(':')) {
            return false;
        }
        skipWhitespace();
        return true;
    }

    /**
     * A string of printable ASCII without escapes, within the length limit; {@code null} for anything else
     * (not a string, an escape, a control or non-ASCII byte, too long, unterminated).
     */
    private String text(boolean intern) {
        if (!plainString()) {
            return null;
        }
        return intern ? into.ascii(in, textStart, textLength)
                : new String(in, textStart, textLength, StandardCharsets.ISO_8859_1);
    }

    /**
     * Consumes a string of printable ASCII without escapes within the length limit, its content's bounds in
     * {@link #textStart} and {@link #textLength}; {@code false} for anything else.
     */
    private boolean plainString() {
        final byte[] bytes = in;
        int p = pos;
        if (p >= bytes.length || bytes[p] != '"') {
            return false;
        }
        int start = ++p;
        while (p < bytes.length && PLAIN[bytes[p] & BYTE_MASK]) {
            p++;
        }
        if (p == bytes.length || bytes[p] != '"') {
            return false; // unterminated, or an escape, a control or a non-ASCII byte
        }
        textStart = start;
        textLength = p - start;
        pos = p + 1;
        return textLength <= limits.maxStringLength();
    }

    /**
     * A JSON number into {@link #number} (finite), {@link #integral} and, when integral, {@link #integralValue};
     * {@code false} when malformed, too long, not followed by a delimiter, {@code -0}, or not finite.
     */
    private boolean number() {
        final byte[] bytes = in;
        final int end = bytes.length;
        final int start = pos;
        int p = start;
        boolean negative = p < end && bytes[p] == '-';
        if (negative) {
            p++;
        }
        mantissa = 0;
        digits = 0;
        int intStart = p;
        p = digitRun(p);
        int intDigits = p - intStart;
        if (intDigits == 0 || (intDigits > 1 && bytes[intStart] == '0')) {
            return false; // no digits, or a leading zero (invalid JSON)
        }
        int fractionDigits = 0;
        if (p < end && bytes[p] == '.') {
            int fractionStart = ++p;
            p = digitRun(p);
            fractionDigits = p - fractionStart;
            if (fractionDigits == 0) {
                return false;
            }
        }
        int exponent = 0;
        boolean hasExponent = p < end && (bytes[p] == 'e' || bytes[p] == 'E');
        if (hasExponent) {
            p++;
            boolean negativeExponent = p < end && bytes[p] == '-';
            if (p < end && (bytes[p] == '-' || bytes[p] == '+')) {
                p++;
            }
            int expStart = p;
            for (int d; p < end && (d = bytes[p] - '0') >= 0 && d <= DECIMAL_DIGIT_MAX; p++) {
                exponent = Math.min(exponent * DECIMAL_BASE + d, MAX_NUMBER_LENGTH * DECIMAL_BASE);
            }
            if (p == expStart) {
                return false;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        pos = p;
        int length = p - start;
        if (length > MAX_NUMBER_LENGTH || !delimiterFollows()) {
            return false;
        }
        integral = fractionDigits == 0 && !hasExponent;
        if (integral) {
            if (digits > MAX_LONG_DIGITS || (negative && mantissa == 0)) {
                return false; // long literals and -0: the slow path's integer rules decide
            }
            integralValue = negative ? -mantissa : mantissa;
            number = integralValue;
            return true;
        }
        int scale = exponent - fractionDigits;
        if (digits <= MAX_LONG_DIGITS && mantissa <= MAX_EXACT_MANTISSA
                && Math.abs(scale) < EXACT_POWERS_OF_TEN.length) {
            double magnitude = scale >= 0 ? mantissa * EXACT_POWERS_OF_TEN[scale]
                    : mantissa / EXACT_POWERS_OF_TEN[-scale];
            number = negative ? -magnitude : magnitude;
        } else {
            number = Double.parseDouble(new String(bytes, start, length, StandardCharsets.ISO_8859_1));
        }
        return Double.isFinite(number);
    }

    /**
     * Consumes the digits from {@code p} on: all are counted in {@link #digits}, the first {@value #MAX_LONG_DIGITS}
     * accumulated into {@link #mantissa}. Eight at a time while a word is left to read, then one by one.
     */
    private int digitRun(int p) {
        final byte[] bytes = in;
        while (p + AsciiWords.BYTES <= bytes.length && digits + AsciiWords.BYTES <= MAX_LONG_DIGITS) {
            long values = AsciiWords.digitValues(AsciiWords.word(bytes, p));
            int count = AsciiWords.leadingDigits(values);
            if (count == 0) {
                return p;
            }
            mantissa = mantissa * LONG_POWERS_OF_TEN[count] + AsciiWords.parseDigits(values, count);
            digits += count;
            p += count;
            if (count < AsciiWords.BYTES) {
                return p;
            }
        }
        for (int d; p < bytes.length && (d = bytes[p] - '0') >= 0 && d <= DECIMAL_DIGIT_MAX; p++, digits++) {
            mantissa = digits < MAX_LONG_DIGITS ? mantissa * DECIMAL_BASE + d : mantissa;
        }
        return p;
    }

    private boolean delimiterFollows() {
        if (pos == in.length) {
            return true;
        }
        byte b = in[pos];
        return b == ',' || b == '}' || b == ']' || isWhitespace(b);
    }

    /** Consumes {@code word} when it is next and followed by a delimiter. */
    private boolean literal(byte[] word) {
        if (pos + word.length > in.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (in[pos + i] != word[i]) {
                return false;
            }
        }
        int after = pos;
        pos += word.length;
        if (!delimiterFollows()) {
            pos = after;
            return false;
        }
        return true;
    }

    private int peek() {
        return pos < in.length ? in[pos] : -1;
    }

    private boolean take(char c) {
        if (pos < in.length && in[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (pos < in.length && isWhitespace(in[pos])) {
            pos++;
        }
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static long bit(EventFields.Field field) {
        return 1L << field.ordinal();
    }

    private static boolean hasAll(long seen) {
        return (seen & REQUIRED) == REQUIRED;
    }
}
