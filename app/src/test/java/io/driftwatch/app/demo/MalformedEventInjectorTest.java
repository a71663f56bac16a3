package io.driftwatch.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.schemas.events.EventParser;
import io.driftwatch.schemas.events.ParseResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class MalformedEventInjectorTest {

    private static final byte[] PREDICTION = ("{\"schema_version\":1,\"prediction_id\":\"p-1\",\"model_id\":\"fraud-v3\","
            + "\"model_version\":\"3.1.0\",\"timestamp\":\"2026-01-05T00:00:01.250Z\",\"features\":{\"amount\":12.5},"
            + "\"score\":0.1,\"latency_ms\":17.2,\"segment\":{\"country\":\"BR\"}}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] LABEL = ("{\"schema_version\":1,\"prediction_id\":\"p-1\",\"model_id\":\"fraud-v3\","
            + "\"timestamp\":\"2026-01-05T02:00:00Z\",\"label\":1}").getBytes(StandardCharsets.UTF_8);

    private final EventParser parser = new EventParser();
    private final MalformedEventInjector injector = new MalformedEventInjector();

    @Test
    void theUnbrokenInputsAreValid() {
        assertThat(parser.parsePrediction(PREDICTION).isOk()).isTrue();
        assertThat(parser.parseLabel(LABEL).isOk()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Malformation.class)
    void brokenPredictionsFailWithTheExpectedReason(Malformation malformation) {
        ParseResult<?> result = parser.parsePrediction(injector.corrupt(PREDICTION, EventKind.PREDICTION, malformation));
        assertThat(result.isOk()).isFalse();
        assertThat(result.failure().reason()).isEqualTo(malformation.expectedReason(EventKind.PREDICTION));
    }

    @ParameterizedTest
    @EnumSource(Malformation.class)
    void brokenLabelsFailWithTheExpectedReason(Malformation malformation) {
        ParseResult<?> result = parser.parseLabel(injector.corrupt(LABEL, EventKind.LABEL, malformation));
        assertThat(result.isOk()).isFalse();
        assertThat(result.failure().reason()).isEqualTo(malformation.expectedReason(EventKind.LABEL));
    }

    @ParameterizedTest
    @EnumSource(Malformation.class)
    void corruptionIsDeterministicAndLeavesTheInputAlone(Malformation malformation) {
        byte[] input = PREDICTION.clone();
        byte[] once = injector.corrupt(input, EventKind.PREDICTION, malformation);
        assertThat(injector.corrupt(input, EventKind.PREDICTION, malformation)).isEqualTo(once);
        assertThat(input).isEqualTo(PREDICTION);
    }

    @Test
    void inputThatIsNotAJsonObjectIsRejected() {
        assertThatThrownBy(() -> injector.corrupt("[1,2]".getBytes(StandardCharsets.UTF_8), EventKind.LABEL,
                Malformation.MISSING_FIELD)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("object");
        assertThatThrownBy(() -> injector.corrupt("{".getBytes(StandardCharsets.UTF_8), EventKind.LABEL,
                Malformation.WRONG_TYPE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
    }
}
