package io.driftwatch.schemas.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A prediction's fields as flat, reusable arrays: what {@link EventParser#parsePrediction(byte[], PredictionFields)}
 * fills on the hot path instead of building {@link PredictionEvent}'s maps and value objects. Valid only after a
 * successful parse and until the next one; not thread-safe (one per reading thread). On the scanner's path
 * ({@code PredictionScanner}) repeating short texts (model, version, segment values, categories, predicted class)
 * come back as the same {@link String} instances from one parse to the next, so downstream lookups reuse their
 * cached hashes. {@link #toEvent()} builds the record.
 */
public final class PredictionFields {

    /** Room for the usual event's features without growing: reused holders are allocated once per thread. */
    private static final int REUSED_CAPACITY = 32;
    /** A one-off parse allocates less up front and grows by doubling. */
    private static final int SINGLE_USE_CAPACITY = 8;

    /** {@code null}: no interning (a one-off parse). */
    private final TextInterner interner;
    final DistinctNames featureNamesSeen = new DistinctNames();
    final DistinctNames segmentKeysSeen = new DistinctNames();
    /** The scanner's memory of names per position: top-level fields, feature names, segment keys. */
    final PositionalNames<EventFields.Field> fieldsByPosition = new PositionalNames<>();
    final PositionalNames<String> featureNamesByPosition = new PositionalNames<>();
    final PositionalNames<String> segmentKeysByPosition = new PositionalNames<>();

    int schemaVersion;
    String predictionId;
    String modelId;
    String modelVersion;
    long eventTimeMillis;
    ModelOutput output;
    String predictedClass;
    double latencyMs;
    int featureCount;
    String[] featureNames;
    FeatureKind[] featureKinds;
    double[] numbers;
    String[] texts;
    int segmentCount;
    String[] segmentKeys;
    String[] segmentValues;
    Map<String, String> tags;
    Map<String, String> extraFields;

    /** Reusable fields that intern repeating texts; keep one per reading thread. */
    public PredictionFields() {
        this(new TextInterner(), REUSED_CAPACITY);
    }

    private PredictionFields(TextInterner interner, int capacity) {
        this.interner = interner;
        featureNames = new String[capacity];
        featureKinds = new FeatureKind[capacity];
        numbers = new double[capacity];
        texts = new String[capacity];
        segmentKeys = new String[SINGLE_USE_CAPACITY];
        segmentValues = new String[SINGLE_USE_CAPACITY];
        clear();
    }

    /** Fields for a single parse (no text cache). */
    static PredictionFields forSingleUse() {
        return new PredictionFields(null, SINGLE_USE_CAPACITY);
    }

    void clear() {
        schemaVersion = 0;
        predictionId = null;
        modelId = null;
        modelVersion = null;
        eventTimeMillis = 0;
        output = null;
        predictedClass = null;
        latencyMs = Double.NaN;
        featureCount = 0;
        segmentCount = 0;
        featureNamesSeen.clear();
        segmentKeysSeen.clear();
        tags = Map.of();
        extraFields = Map.of();
    }

    /** The text of ASCII bytes {@code bytes[offset, offset + length)}, interned when this holder interns. */
    String ascii(byte[] bytes, int offset, int length) {
        return interner == null ? new String(bytes, offset, length, StandardCharsets.ISO_8859_1)
                : interner.intern(bytes, offset, length);
    }

    void addFeature(String name, FeatureKind kind, double number, String text) {
        if (featureCount == featureNames.length) {
            int capacity = featureCount * 2;
            featureNames = Arrays.copyOf(featureNames, capacity);
            featureKinds = Arrays.copyOf(featureKinds, capacity);
            numbers = Arrays.copyOf(numbers, capacity);
            texts = Arrays.copyOf(texts, capacity);
        }
        featureNames[featureCount] = name;
        featureKinds[featureCount] = kind;
        numbers[featureCount] = number;
        texts[featureCount] = text;
        featureCount++;
    }

    void addSegment(String key, String value) {
        if (segmentCount == segmentKeys.length) {
            segmentKeys = Arrays.copyOf(segmentKeys, segmentCount * 2);
            segmentValues = Arrays.copyOf(segmentValues, segmentCount * 2);
        }
        segmentKeys[segmentCount] = key;
        segmentValues[segmentCount] = value;
        segmentCount++;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public String predictionId() {
        return predictionId;
    }

    public String modelId() {
        return modelId;
    }

    public String modelVersion() {
        return modelVersion;
    }

    public long eventTimeMillis() {
        return eventTimeMillis;
    }

    public ModelOutput output() {
        return output;
    }

    /** {@code null} when not sent. */
    public String predictedClass() {
        return predictedClass;
    }

    /** NaN when not sent (a sent latency is always finite and {@code >= 0}). */
    public double latencyMs() {
        return latencyMs;
    }

    /** Features in payload order. */
    public int featureCount() {
        return featureCount;
    }

    public String featureName(int i) {
        return featureNames[checkFeature(i)];
    }

    public FeatureKind featureKind(int i) {
        return featureKinds[checkFeature(i)];
    }

    /** The value of a {@link FeatureKind#NUMBER} feature; {@code 1}/{@code 0} for a boolean's true/false. */
    public double number(int i) {
        return numbers[checkFeature(i)];
    }

    /** The value of a {@link FeatureKind#TEXT} feature; {@code null} for the other kinds. */
    public String text(int i) {
        return texts[checkFeature(i)];
    }

    /** Segment entries in payload order. */
    public int segmentCount() {
        return segmentCount;
    }

    public String segmentKey(int i) {
        return segmentKeys[checkSegment(i)];
    }

    public String segmentValue(int i) {
        return segmentValues[checkSegment(i)];
    }

    /** The record of these fields (maps in payload order). */
    public PredictionEvent toEvent() {
        Map<String, FeatureValue> features = new LinkedHashMap<>();
        for (int i = 0; i < featureCount; i++) {
            features.put(featureNames[i], switch (featureKinds[i]) {
                case NUMBER -> FeatureValue.of(numbers[i]);
                case TEXT -> FeatureValue.of(texts[i]);
                case BOOLEAN -> FeatureValue.of(numbers[i] != 0.0);
                case NULL -> FeatureValue.Null.INSTANCE;
            });
        }
        Map<String, String> segment = Map.of();
        if (segmentCount > 0) {
            segment = new LinkedHashMap<>();
            for (int i = 0; i < segmentCount; i++) {
                segment.put(segmentKeys[i], segmentValues[i]);
            }
        }
        return new PredictionEvent(schemaVersion, predictionId, modelId, modelVersion, eventTimeMillis, features,
                output, predictedClass, Double.isNaN(latencyMs) ? null : latencyMs, segment, tags, extraFields);
    }

    /** The fields of {@code event} (for callers that hold a record, e.g. tests and tools). */
    public static PredictionFields of(PredictionEvent event) {
        PredictionFields f = forSingleUse();
        f.schemaVersion = event.schemaVersion();
        f.predictionId = event.predictionId();
        f.modelId = event.modelId();
        f.modelVersion = event.modelVersion();
        f.eventTimeMillis = event.eventTimeMillis();
        f.output = event.output();
        f.predictedClass = event.predictedClass();
        f.latencyMs = event.latencyMs() == null ? Double.NaN : event.latencyMs();
        event.features().forEach((name, value) -> {
            if (value instanceof FeatureValue.Num num) {
                f.addFeature(name, FeatureKind.NUMBER, num.value(), null);
            } else if (value instanceof FeatureValue.Str str) {
                f.addFeature(name, FeatureKind.TEXT, 0.0, str.value());
            } else if (value instanceof FeatureValue.Bool bool) {
                f.addFeature(name, FeatureKind.BOOLEAN, bool.value() ? 1.0 : 0.0, null);
            } else {
                f.addFeature(name, FeatureKind.NULL, 0.0, null);
            }
        });
        event.segment().forEach(f::addSegment);
        f.tags = event.tags();
        f.extraFields = event.extraFields();
        return f;
    }

    private int checkFeature(int i) {
        if (i < 0 || i >= featureCount) {
            throw new IndexOutOfBoundsException("feature " + i + " of " + featureCount);
        }
        return i;
    }

    private int checkSegment(int i) {
        if (i < 0 || i >= segmentCount) {
            throw new IndexOutOfBoundsException("segment entry " + i + " of " + segmentCount);
        }
        return i;
    }
}
