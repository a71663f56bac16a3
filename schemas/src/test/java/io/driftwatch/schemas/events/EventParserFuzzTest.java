package io.driftwatch.schemas.events;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Seeded mutations of the valid examples (truncation, byte flips, insertions, deep nesting, huge strings, huge
 * numbers): the parser never throws, never hits its internal-error path, and is deterministic.
 */
class EventParserFuzzTest {

    private static final long SEED = 0xD81F7L;
    private static final int ROUNDS = 12_000;
    /** Enough to cross every default limit: depth 32, 16 Ki string, 1000-digit numbers. */
    private static final int MAX_NESTING = 200;
    private static final int MAX_BLOWUP = 20_000;

    private final EventParser parser = new EventParser();

    @Test
    void mutatedInputsNeverThrowAndAlwaysCarryAReason() {
        List<Example> seeds = new ArrayList<>();
        for (String kind : List.of("prediction", "label")) {
            seeds.addAll(Example.all(kind).stream().filter(Example::expectedValid).toList());
        }
        Random random = new Random(SEED);
        int failures = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Example seed = seeds.get(random.nextInt(seeds.size()));
            byte[] input = mutate(seed.bytes(), random);
            ParseResult<?> result;
            try {
                result = seed.kind().equals("prediction") ? parser.parsePrediction(input) : parser.parseLabel(input);
            } catch (RuntimeException e) {
                throw new AssertionError("round " + round + " threw on " + preview(input), e);
            }
            assertThat(result).isNotNull();
            if (!result.isOk()) {
                failures++;
                ParseFailure failure = result.failure();
                if (failure.reason() == ParseFailureReason.PARSER_ERROR) {
                    fail("round %d: internal error %s on %s", round, failure.detail(), preview(input));
                }
                assertThat(failure.detail()).isNotBlank().hasSizeLessThanOrEqualTo(ParseFailure.MAX_DETAIL_LENGTH);
            }
            ParseResult<?> again = seed.kind().equals("prediction") ? parser.parsePrediction(input) : parser.parseLabel(input);
            assertThat(again.toString()).isEqualTo(result.toString());
        }
        // The mutations must actually break most inputs, or this test proves little.
        assertThat(failures).isGreaterThan(ROUNDS / 2);
    }

    static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int steps = 1 + random.nextInt(3);
        for (int i = 0; i < steps; i++) {
            bytes = switch (random.nextInt(8)) {
                case 0 -> Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                case 1 -> flip(bytes, random);
                case 2 -> insert(bytes, random.nextInt(bytes.length + 1), randomBytes(random, 1 + random.nextInt(8)));
                case 3 -> delete(bytes, random);
                case 4 -> nest(bytes, random);
                case 5 -> insert(bytes, insideAString(bytes, random), repeat((byte) 'x', random.nextInt(MAX_BLOWUP)));
                case 6 -> insert(bytes, afterADigit(bytes, random), repeat((byte) '9', random.nextInt(2_000)));
                default -> insert(bytes, random.nextInt(bytes.length + 1),
                        List.of("null", "[", "{", "}", "]", ",", ":", "\"", "1e999", "-", "\\u", "true")
                                .get(random.nextInt(12)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            };
        }
        return bytes;
    }

    private static byte[] flip(byte[] bytes, Random random) {
        if (bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
    }

    private static byte[] delete(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(16));
        byte[] out = new byte[bytes.length - (to - from)];
        System.arraycopy(bytes, 0, out, 0, from);
        System.arraycopy(bytes, to, out, from, bytes.length - to);
        return out;
    }

    /** Wraps a value (or inserts an opening run) of arrays/objects, sometimes closed, sometimes not. */
    private static byte[] nest(byte[] bytes, Random random) {
        int depth = random.nextInt(MAX_NESTING);
        boolean objects = random.nextBoolean();
        byte[] open = (objects ? "{\"k\":" : "[").repeat(depth).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] close = (objects ? "}" : "]").repeat(random.nextBoolean() ? depth : random.nextInt(depth + 1))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = afterAColon(bytes, random);
        byte[] withOpen = insert(bytes, at, open);
        int valueEnd = at + open.length;
        while (valueEnd < withOpen.length && withOpen[valueEnd] != ',' && withOpen[valueEnd] != '}') {
            valueEnd++;
        }
        return insert(withOpen, valueEnd, close);
    }

    private static int afterAColon(byte[] bytes, Random random) {
        return indexAfter(bytes, random, (byte) ':');
    }

    private static int afterADigit(byte[] bytes, Random random) {
        int start = random.nextInt(bytes.length + 1);
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] >= '0' && bytes[i] <= '9') {
                return i + 1;
            }
        }
        return start;
    }

    private static int insideAString(byte[] bytes, Random random) {
        return indexAfter(bytes, random, (byte) '"');
    }

    private static int indexAfter(byte[] bytes, Random random, byte marker) {
        int start = random.nextInt(bytes.length + 1);
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == marker) {
                return i + 1;
            }
        }
        return start;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] extra) {
        byte[] out = new byte[bytes.length + extra.length];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(bytes, at, out, at + extra.length, bytes.length - at);
        return out;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    private static byte[] repeat(byte b, int count) {
        byte[] out = new byte[count];
        Arrays.fill(out, b);
        return out;
    }

    private static String preview(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
