package io.driftwatch.schemas.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * Parses prediction and label events from raw Kafka bytes with Jackson's streaming parser (no tree).
 * Never throws on bad input: every problem comes back as a {@link ParseFailure} with a stable
 * {@link ParseFailureReason}. Thread-safe; cheap to share. Accepts UTF-8 (and the other encodings Jackson
 * detects from the first bytes).
 *
 * <p>The first error in payload order wins: put {@code schema_version} first so that a future version is
 * reported as {@code unsupported_schema_version} rather than by whatever changed shape. Unknown top-level
 * fields are kept as raw JSON in {@code extraFields}; they are never rejected for being unknown, only for
 * breaking a limit (depth, string length, number length) or appearing twice.
 */
public final class EventParser implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Jackson's own default (StreamReadConstraints.DEFAULT_MAX_NUM_LEN): longer numbers cost quadratic time. */
    private static final int MAX_NUMBER_LENGTH = 1000;

    private final ParserLimits limits;
    /** Not serializable state; rebuilt from {@link #limits} after deserialization. */
    private transient JsonFactory factory;

    public EventParser() {
        this(ParserLimits.DEFAULT);
    }

    public EventParser(ParserLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.factory = newFactory(limits);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        factory = newFactory(limits);
    }

    public ParserLimits limits() {
        return limits;
    }

    /** Parses a prediction event; see {@code prediction.schema.json}. */
    public ParseResult<PredictionEvent> parsePrediction(byte[] payload) {
        PredictionFields fields = PredictionFields.forSingleUse();
        return parse(payload, in -> {
            PredictionReader.read(in, limits, fields);
            return fields.toEvent();
        });
    }

    /**
     * Parses a prediction event into reusable flat fields, with exactly the validation (and failures) of
     * {@link #parsePrediction(byte[])} but without building the record's maps: the streaming job's path. The usual
     * valid event is read by a single-pass scanner ({@code PredictionScanner}); anything it does not handle,
     * including every invalid event, is read by the Jackson-based reader, which decides the outcome.
     *
     * @return empty when {@code into} now holds the event, else the failure ({@code into} is then undefined)
     */
    public Optional<ParseFailure> parsePrediction(byte[] payload, PredictionFields into) {
        Objects.requireNonNull(into, "into");
        if (payload != null && payload.length <= limits.maxPayloadBytes()
                && PredictionScanner.scan(payload, limits, into)) {
            return Optional.empty();
        }
        ParseResult<PredictionFields> result = parse(payload, in -> {
            PredictionReader.read(in, limits, into);
            return into;
        });
        return result.isOk() ? Optional.empty() : Optional.of(result.failure());
    }

    /** Parses a label event; see {@code label.schema.json}. */
    public ParseResult<LabelEvent> parseLabel(byte[] payload) {
        return parse(payload, LabelReader::read);
    }

    @FunctionalInterface
    private interface ObjectReader<T> {
        T read(TokenReader in) throws IOException;
    }

    private <T> ParseResult<T> parse(byte[] payload, ObjectReader<T> reader) {
        if (payload == null) {
            return ParseResult.failed(ParseFailureReason.INVALID_JSON, "no payload (null)");
        }
        if (payload.length > limits.maxPayloadBytes()) {
            return ParseResult.failed(ParseFailureReason.PAYLOAD_TOO_LARGE,
                    "payload of " + payload.length + " bytes exceeds " + limits.maxPayloadBytes());
        }
        JsonFactory jsonFactory = factory;
        try (JsonParser parser = jsonFactory.createParser(payload)) {
            TokenReader in = new TokenReader(parser, jsonFactory, limits);
            JsonToken first = in.next();
            if (first == null) {
                return ParseResult.failed(ParseFailureReason.INVALID_JSON, "empty payload");
            }
            if (first != JsonToken.START_OBJECT) {
                return ParseResult.failed(ParseFailureReason.NOT_AN_OBJECT, "an event must be a JSON object");
            }
            T event = reader.read(in);
            in.expectEndOfInput();
            return ParseResult.ok(event);
        } catch (EventFormatException e) {
            return ParseResult.failed(e.reason(), e.getMessage());
        } catch (StreamConstraintsException e) {
            // Names, strings and depth are checked by TokenReader first; only number length reaches here.
            return ParseResult.failed(ParseFailureReason.NUMBER_TOO_LONG, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at byte " + e.getLocation().getByteOffset();
            return ParseResult.failed(ParseFailureReason.INVALID_JSON, e.getOriginalMessage() + where);
        } catch (IOException e) {
            return ParseResult.failed(ParseFailureReason.INVALID_JSON, String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            return ParseResult.failed(ParseFailureReason.PARSER_ERROR, e.toString());
        }
    }

    private static JsonFactory newFactory(ParserLimits limits) {
        // Jackson's own limits sit above ours so that TokenReader reports them first, with a precise reason.
        int maxText = Math.max(limits.maxPayloadBytes(), limits.maxStringLength() + 1);
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(maxText)
                .maxNameLength(maxText)
                .maxNestingDepth(limits.maxDepth() + 1)
                .build();
        // Jackson's bundled FastDoubleParser: correctly rounded like Double.parseDouble (same doubles), and
        // Double.parseDouble was about 15% of a prediction's parse (JFR, benchmarks/RESULTS.md).
        return JsonFactory.builder().streamReadConstraints(constraints)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    }
}
