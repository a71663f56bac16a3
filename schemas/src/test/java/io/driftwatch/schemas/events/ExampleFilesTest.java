package io.driftwatch.schemas.events;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example file parses, or fails with the reason in its name. */
class ExampleFilesTest {

    private final EventParser parser = new EventParser();

    @TestFactory
    Stream<DynamicTest> everyExampleParsesOrFailsAsNamed() {
        return Stream.of("prediction", "label")
                .flatMap(kind -> Example.all(kind).stream())
                .map(example -> DynamicTest.dynamicTest(example.toString(), () -> {
                    ParseResult<?> result = example.parse(parser);
                    if (example.expectedValid()) {
                        assertThat(result.isOk()).as("%s: %s", example, result).isTrue();
                    } else {
                        assertThat(result.isOk()).as("%s: %s", example, result).isFalse();
                        assertThat(result.failure().reason()).as("%s: %s", example, result)
                                .isEqualTo(example.expectedReason());
                        assertThat(result.failure().detail()).isNotBlank();
                    }
                }));
    }

    @Test
    void predictionExamplesCoverEveryReasonThatFitsInAFile() {
        // payload_too_large needs > 1 MiB (tested in EventParserTest); parser_error is a bug, never expected;
        // the label join's reasons depend on other events, not on one payload.
        Set<ParseFailureReason> expected = EnumSet.allOf(ParseFailureReason.class);
        expected.removeAll(List.of(ParseFailureReason.PAYLOAD_TOO_LARGE, ParseFailureReason.PARSER_ERROR));
        expected.removeAll(ParseFailureReason.LABEL_JOIN);
        Set<ParseFailureReason> covered = EnumSet.noneOf(ParseFailureReason.class);
        Example.all("prediction").stream().filter(e -> !e.expectedValid()).forEach(e -> covered.add(e.expectedReason()));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void bothKindsHaveValidAndInvalidExamples() {
        for (String kind : List.of("prediction", "label")) {
            List<Example> examples = Example.all(kind);
            assertThat(examples).anyMatch(Example::expectedValid).anyMatch(e -> !e.expectedValid());
        }
    }
}
