package io.driftwatch.schemas.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The word tricks agree with reading the same bytes one at a time. */
class AsciiWordsTest {

    private static final long SEED = 20261125L;
    private static final int SAMPLES = 200_000;
    /** Bytes drawn mostly from digits and their neighbours, where the tricks' edges are. */
    private static final byte[] EDGE_BYTES = {'0', '1', '5', '8', '9', '/', ':', '.', '-', 'e', '"', ',', ' ', 0,
        (byte) 0x80, (byte) 0x8A, (byte) 0xB9, (byte) 0xFF, 0x3A, 0x2F, 0x39};

    @Test
    void leadingDigitsAndTheirValueMatchAByteLoop() {
        SplittableRandom random = new SplittableRandom(SEED);
        byte[] bytes = new byte[AsciiWords.BYTES];
        for (int sample = 0; sample < SAMPLES; sample++) {
            int digitRun = random.nextInt(AsciiWords.BYTES + 1);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = i < digitRun ? (byte) ('0' + random.nextInt(10))
                        : random.nextBoolean() ? EDGE_BYTES[random.nextInt(EDGE_BYTES.length)] : (byte) random.nextInt(256);
            }
            int expectedCount = 0;
            long expectedValue = 0;
            while (expectedCount < bytes.length && bytes[expectedCount] >= '0' && bytes[expectedCount] <= '9') {
                expectedValue = expectedValue * 10 + (bytes[expectedCount] - '0');
                expectedCount++;
            }
            long values = AsciiWords.digitValues(AsciiWords.word(bytes, 0));
            int count = AsciiWords.leadingDigits(values);
            assertThat(count).as(java.util.Arrays.toString(bytes)).isEqualTo(expectedCount);
            if (count > 0) {
                assertThat(AsciiWords.parseDigits(values, count)).as(java.util.Arrays.toString(bytes))
                        .isEqualTo(expectedValue);
            }
        }
    }

    @Test
    void wordsAreLittleEndianFromTheOffset() {
        byte[] bytes = "xx12345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long values = AsciiWords.digitValues(AsciiWords.word(bytes, 2));
        assertThat(AsciiWords.leadingDigits(values)).isEqualTo(8);
        assertThat(AsciiWords.parseDigits(values, 8)).isEqualTo(12_345_678L);
        assertThat(AsciiWords.parseDigits(values, 3)).isEqualTo(123L);
    }
}
