package io.driftwatch.schemas.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterTest {

    private static final ParseFailure FAILURE = new ParseFailure(ParseFailureReason.SCORE_OUT_OF_RANGE, "'score' must be a probability");

    @Test
    void roundTripsThroughJsonIncludingNonUtf8Bytes() {
        byte[] payload = {'{', (byte) 0xC3, (byte) 0x28, '}'};
        DeadLetter letter = DeadLetter.of(payload, FAILURE, "driftwatch.predictions", 2, 1234L, 1_795_554_634_123L);
        DeadLetter back = DeadLetter.fromJson(letter.toJson());
        assertThat(back).isEqualTo(letter);
        assertThat(back.payload()).isEqualTo(payload);
        assertThat(back.payloadTruncated()).isFalse();
        String json = new String(letter.toJson(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"reason\":\"score_out_of_range\"", "\"source_partition\":2", "\"source_offset\":1234");
    }

    @Test
    void cutsLargePayloadsAndSaysSo() {
        byte[] big = new byte[DeadLetter.MAX_PAYLOAD_BYTES * 2];
        Arrays.fill(big, (byte) 'a');
        DeadLetter letter = DeadLetter.of(big, FAILURE, "t", 0, 0, 0);
        assertThat(letter.payload()).hasSize(DeadLetter.MAX_PAYLOAD_BYTES);
        assertThat(letter.payloadSize()).isEqualTo(big.length);
        assertThat(letter.payloadTruncated()).isTrue();
        assertThat(DeadLetter.fromJson(letter.toJson())).isEqualTo(letter);
        assertThat(letter.toString()).contains("truncated").doesNotContain("aaaa");
    }

    @Test
    void nullPayloadBecomesEmpty() {
        assertThat(DeadLetter.of(null, FAILURE, "t", 0, 0, 0).payloadSize()).isZero();
    }

    @Test
    void isImmutable() {
        byte[] payload = {'x'};
        DeadLetter letter = DeadLetter.of(payload, FAILURE, "t", 0, 0, 0);
        payload[0] = 'y';
        letter.payload()[0] = 'z';
        assertThat(letter.payload()).containsExactly('x');
    }

    @Test
    void rejectsBadJsonWithAClearMessage() {
        assertThatThrownBy(() -> DeadLetter.fromJson("nope".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> DeadLetter.fromJson("{\"dead_letter_version\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payload_base64");
        assertThatThrownBy(() -> DeadLetter.fromJson("{\"dead_letter_version\":9}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dead_letter_version 9");
        assertThatThrownBy(() -> new DeadLetter(new byte[2], 1, ParseFailureReason.INVALID_JSON, "d", "t", 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payloadSize");
    }
}
