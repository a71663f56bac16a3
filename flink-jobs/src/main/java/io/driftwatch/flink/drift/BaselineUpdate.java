package io.driftwatch.flink.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.driftwatch.detectors.profile.ProfileCodec;
import io.driftwatch.detectors.profile.ReferenceProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.driftwatch.flink.source.SegmentKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A new (or removed) stored baseline of one model version, broadcast to the window operator: the record of
 * the {@code driftwatch.baselines} topic. A Flink POJO; profiles travel as {@link ProfileCodec} bytes.
 *
 * <p>JSON form ({@link #toJson}, {@link #fromJson}):
 * <pre>{@code
 * {"baseline_update_version": 1, "model_id": "fraud", "model_version": "v3", "baseline_id": "2026-11-24T21:00:00Z",
 *  "profiles": {"amount": <ProfileCodec.toJson>, "country": <...>, "score": <...>}}
 * }</pre>
 * An empty {@code profiles} object removes the model version's baseline (it falls back to a rolling one).
 * The profile named {@code score} (if any) is the reference of the model's binary score.
 *
 * <p>Optional fields: {@code "segment": "country=DE"} makes it the baseline of one segment (the job's canonical
 * segment), which that segment's windows prefer over the model version's; removing it falls back to the
 * version's. {@code "created_at": "2026-11-24T21:00:00Z"} is when the baseline was made, the origin of the
 * {@code baseline_age_seconds} metric (no age is reported without it).
 */
public class BaselineUpdate {

    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public String modelId;
    public String modelVersion;
    /** Which baseline this is (e.g. its creation time); written to {@code feature_drift.baseline_id}. */
    public String baselineId;
    /** {@link #encodeProfiles} bytes. */
    public byte[] profiles;
    /** Canonical segment this baseline is for; {@code null} or {@code ""} for the whole model version. */
    public String segment;
    /** When the baseline was made (epoch millis), or {@code null} when unknown. */
    public Long createdAtMillis;

    public BaselineUpdate() {}

    public static BaselineUpdate of(String modelId, String modelVersion, String baselineId,
                                    Map<String, ReferenceProfile> profiles) {
        BaselineUpdate u = new BaselineUpdate();
        u.modelId = requireText(modelId, "model_id");
        u.modelVersion = requireText(modelVersion, "model_version");
        u.baselineId = requireText(baselineId, "baseline_id");
        u.profiles = encodeProfiles(profiles);
        return u;
    }

    /** The baseline of one segment ({@code ""}: the whole version), made at {@code createdAt} (may be null). */
    public static BaselineUpdate of(String modelId, String modelVersion, String segment, String baselineId,
                                    Instant createdAt, Map<String, ReferenceProfile> profiles) {
        BaselineUpdate u = of(modelId, modelVersion, baselineId, profiles);
        if (segment == null || segment.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("baseline update: segment must be text without control characters"
                    + " (\"\" for the whole model version), was " + (segment == null ? "null" : "'" + segment + "'"));
        }
        u.segment = segment;
        u.createdAtMillis = createdAt == null ? null : createdAt.toEpochMilli();
        return u;
    }

    /** The segment, {@code ""} for the whole model version. */
    public String segmentOrAll() {
        return segment == null ? "" : segment;
    }

    /**
     * The broadcast-state key of this baseline's scope: {@link SegmentKeys#baselineKey} for the whole version,
     * the segment's window key ({@link SegmentKeys#windowKey}) for a segment's own.
     */
    public String scopeKey() {
        String s = segmentOrAll();
        return s.isEmpty() ? SegmentKeys.baselineKey(modelId, modelVersion)
                : SegmentKeys.windowKey(modelId, modelVersion, s);
    }

    /** Feature name to profile, in the order written. */
    public Map<String, ReferenceProfile> decodedProfiles() {
        Map<String, ReferenceProfile> decoded = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(profiles))) {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                decoded.put(name, ProfileCodec.fromBytes(bytes));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("baseline update of " + modelId + "/" + modelVersion
                    + ": truncated profiles", e);
        }
        return decoded;
    }

    static byte[] encodeProfiles(Map<String, ReferenceProfile> profiles) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(profiles.size());
            for (Map.Entry<String, ReferenceProfile> e : profiles.entrySet()) {
                if (!e.getKey().equals(e.getValue().featureName())) {
                    throw new IllegalArgumentException("profile key '" + e.getKey() + "' differs from its feature name '"
                            + e.getValue().featureName() + "'");
                }
                byte[] encoded = ProfileCodec.toBytes(e.getValue());
                out.writeUTF(e.getKey());
                out.writeInt(encoded.length);
                out.write(encoded);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("baseline_update_version", FORMAT_VERSION);
        root.put("model_id", modelId);
        root.put("model_version", modelVersion);
        root.put("baseline_id", baselineId);
        if (!segmentOrAll().isEmpty()) {
            root.put("segment", segment);
        }
        if (createdAtMillis != null) {
            root.put("created_at", Instant.ofEpochMilli(createdAtMillis).toString());
        }
        ObjectNode profilesNode = root.putObject("profiles");
        try {
            for (Map.Entry<String, ReferenceProfile> e : decodedProfiles().entrySet()) {
                profilesNode.set(e.getKey(), JSON.readTree(ProfileCodec.toJson(e.getValue())));
            }
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a baseline update", e);
        }
    }

    /** Reads {@link #toJson()} output; throws {@link IllegalArgumentException} naming the problem. */
    public static BaselineUpdate fromJson(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("baseline update is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("baseline update must be a JSON object");
        }
        int version = field(root, "baseline_update_version").asInt();
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("unsupported baseline_update_version " + version + ", expected "
                    + FORMAT_VERSION);
        }
        JsonNode profilesNode = field(root, "profiles");
        if (!profilesNode.isObject()) {
            throw new IllegalArgumentException("baseline update 'profiles' must be an object of feature to profile");
        }
        Map<String, ReferenceProfile> profiles = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = profilesNode.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            profiles.put(e.getKey(), ProfileCodec.fromJson(e.getValue().toString()));
        }
        JsonNode segment = root.get("segment");
        JsonNode createdAt = root.get("created_at");
        return of(field(root, "model_id").asText(), field(root, "model_version").asText(),
                segment == null || segment.isNull() ? "" : segment.asText(), field(root, "baseline_id").asText(),
                createdAt == null || createdAt.isNull() ? null : instant(createdAt.asText()), profiles);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("baseline update 'created_at' is not an ISO-8601 instant: '" + text + "'",
                    e);
        }
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("baseline update lacks '" + name + "'");
        }
        return value;
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("baseline update: " + what + " is missing or blank");
        }
        return value;
    }

    @Override
    public String toString() {
        return "BaselineUpdate[" + modelId + "/" + modelVersion + (segmentOrAll().isEmpty() ? "" : "/" + segment)
                + " " + baselineId + ", "
                + (profiles == null ? 0 : profiles.length) + " bytes]";
    }
}
