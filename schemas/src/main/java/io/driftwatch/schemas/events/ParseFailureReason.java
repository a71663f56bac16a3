package io.driftwatch.schemas.events;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Why an event was rejected. The {@link #id()} is stable: it is a metric tag and the {@code reason} field of
 * every {@link DeadLetter}, so never rename one; add new reasons instead.
 *
 * <p>{@link #checkedBySchema()} says whether the published JSON Schema rejects every payload the parser
 * rejects for this reason. Reasons where it is {@code false} are limits or arithmetic the schema language
 * cannot express (sum of class probabilities, payload size, nesting depth, calendar validity, ...).
 */
public enum ParseFailureReason {
    INVALID_JSON("invalid_json", true),
    NOT_AN_OBJECT("not_an_object", true),
    MISSING_FIELD("missing_field", true),
    WRONG_TYPE("wrong_type", true),
    EMPTY_IDENTIFIER("empty_identifier", true),
    DUPLICATE_FIELD("duplicate_field", false),
    INVALID_TIMESTAMP("invalid_timestamp", false),
    SCORE_OUT_OF_RANGE("score_out_of_range", true),
    SCORES_NOT_NORMALIZED("scores_not_normalized", false),
    NEGATIVE_LATENCY("negative_latency", true),
    NON_FINITE_NUMBER("non_finite_number", false),
    AMBIGUOUS_OUTPUT("ambiguous_output", true),
    MISSING_OUTPUT("missing_output", true),
    UNSUPPORTED_SCHEMA_VERSION("unsupported_schema_version", true),
    PAYLOAD_TOO_LARGE("payload_too_large", false),
    TOO_DEEPLY_NESTED("too_deeply_nested", false),
    STRING_TOO_LONG("string_too_long", false),
    NUMBER_TOO_LONG("number_too_long", false),
    /** A bug in the parser, caught so that one event cannot stop the job; should never be seen. */
    PARSER_ERROR("parser_error", false),
    // Rejections by the label join (a well-formed label that cannot be used); the schema cannot see them.
    /** The label came later (in event time) than the model's label horizon after its prediction. */
    LABEL_PAST_HORIZON("label_past_horizon", false),
    /** A second label for a prediction that already has one (the first label counts). */
    DUPLICATE_LABEL("duplicate_label", false),
    /** No prediction with this id arrived within the model's pending-label wait (or its state had expired). */
    UNKNOWN_PREDICTION("unknown_prediction", false),
    /** The label's type does not fit the model's task (e.g. a class name for a binary model). */
    LABEL_MISMATCH("label_mismatch", false);

    /** The reasons the label join gives (well-formed labels it cannot use); no payload alone shows them. */
    public static final Set<ParseFailureReason> LABEL_JOIN = Collections.unmodifiableSet(
            EnumSet.of(LABEL_PAST_HORIZON, DUPLICATE_LABEL, UNKNOWN_PREDICTION, LABEL_MISMATCH));

    private final String id;
    private final boolean checkedBySchema;

    ParseFailureReason(String id, boolean checkedBySchema) {
        this.id = id;
        this.checkedBySchema = checkedBySchema;
    }

    /** Stable snake_case id used as metric tag and in the dead-letter topic. */
    public String id() {
        return id;
    }

    /** Whether the JSON Schema files reject every payload rejected for this reason. */
    public boolean checkedBySchema() {
        return checkedBySchema;
    }

    /** Inverse of {@link #id()}; throws {@link IllegalArgumentException} naming the known ids. */
    public static ParseFailureReason fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(r -> r.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown parse failure reason '" + id + "'; known: "
                        + String.join(", ", Arrays.stream(values()).map(ParseFailureReason::id).toList())));
    }
}
