package io.driftwatch.flink.baseline;

import io.driftwatch.detectors.profile.ProfileCodec;
import io.driftwatch.detectors.profile.ReferenceProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads and writes reference profiles in the ClickHouse table {@value #TABLE} (migration
 * {@code V0007__baselines.sql}) over plain JDBC; every value is a bound parameter, only the validated
 * database name is part of the SQL text.
 *
 * <pre>{@code
 * BaselineStore store = new BaselineStore(() -> DriverManager.getConnection(url, user, password), "driftwatch");
 * store.save("fraud", "v3", profiles, "train.csv");
 * Map<String, ReferenceProfile> latest = store.load("fraud", "v3");
 * }</pre>
 *
 * <p>Semantics: the table is a ReplacingMergeTree keyed on (model, version, feature, segment) with
 * {@code created_at} as version, so {@link #load} returns for each feature the profile of its latest save.
 * A profile belongs to the whole model version (segment {@code ""}, what the methods without a segment
 * read and write) or to one segment ({@link #save(String, String, String, Map, String)}; migration
 * {@code V0016__baselines_segment.sql}); the job prefers a segment's own baseline ({@link #loadScopes}).
 * A feature left out of a later save keeps its earlier profile (saves replace per feature, never delete).
 * One {@link #save} is one INSERT, so its rows become visible together. Saves within the same millisecond
 * tie on {@code created_at}; ClickHouse then keeps the row inserted last.
 *
 * <p>Each call opens its own connection through the {@link JdbcConnector} and closes it; instances hold
 * no connection and are safe to share between threads.
 */
public final class BaselineStore {

    /** The table, in the store's database. */
    public static final String TABLE = "baselines";
    /** Plain ClickHouse identifiers only, since a database name cannot be a bound parameter. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String COLUMNS = "model_id, model_version, segment, feature, kind, format_version,"
            + " row_count, profile_json, profile_base64, source, created_at";

    private final JdbcConnector connector;
    private final String table;
    private final Clock clock;

    /**
     * @throws IllegalArgumentException unless {@code database} is a plain identifier
     *                                  ({@code [A-Za-z_][A-Za-z0-9_]*})
     */
    public BaselineStore(JdbcConnector connector, String database) {
        this(connector, database, Clock.systemUTC());
    }

    /** As {@link #BaselineStore(JdbcConnector, String)}, with the clock that stamps {@code created_at}. */
    public BaselineStore(JdbcConnector connector, String database, Clock clock) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ", was '" + database + "'");
        }
        this.table = database + "." + TABLE;
    }

    /**
     * Stores one profile per feature for a model version, all stamped with the same {@code created_at}.
     *
     * @param profiles feature name to profile; each key must equal its profile's
     *                 {@link ReferenceProfile#featureName()}
     * @param source   where the profiles came from (free text, e.g. the training file), may be empty
     * @return the {@code created_at} stamped on the rows (millisecond precision)
     * @throws IllegalArgumentException    on a blank model or version, no profiles, or a key that differs
     *                                     from its profile's feature name
     * @throws BaselineStoreException when ClickHouse fails the insert
     */
    public Instant save(String modelId, String modelVersion, Map<String, ReferenceProfile> profiles, String source) {
        return save(modelId, modelVersion, "", profiles, source);
    }

    /**
     * As {@link #save(String, String, Map, String)}, for one segment of the model version.
     *
     * @param segment canonical segment as the job keys windows ({@code k=v,...} sorted by key, only the model's
     *                configured segment keys), or {@code ""} for the whole model version
     * @throws IllegalArgumentException also on a null segment or one holding a control character
     */
    public Instant save(String modelId, String modelVersion, String segment, Map<String, ReferenceProfile> profiles,
                        String source) {
        ModelVersion model = new ModelVersion(modelId, modelVersion);
        requireSegment(segment);
        Objects.requireNonNull(source, "source");
        if (profiles == null || profiles.isEmpty()) {
            throw new IllegalArgumentException("no profiles to save for " + model);
        }
        profiles.forEach((feature, profile) -> {
            if (profile == null || !profile.featureName().equals(feature)) {
                throw new IllegalArgumentException("profile under key '" + feature + "' is "
                        + (profile == null ? "null" : "for feature '" + profile.featureName() + "'"));
            }
        });
        long createdAtMillis = clock.millis();
        String sql = "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " fromUnixTimestamp64Milli(?, 'UTC'))";
        try (Connection connection = connector.open(); PreparedStatement insert = connection.prepareStatement(sql)) {
            for (ReferenceProfile profile : new TreeMap<>(profiles).values()) {
                int column = 1;
                insert.setString(column++, model.modelId());
                insert.setString(column++, model.modelVersion());
                insert.setString(column++, segment);
                insert.setString(column++, profile.featureName());
                insert.setString(column++, kindName(profile));
                insert.setInt(column++, ProfileCodec.FORMAT_VERSION);
                insert.setLong(column++, profile.distribution().count());
                insert.setString(column++, ProfileCodec.toJson(profile));
                insert.setString(column++, Base64.getEncoder().encodeToString(ProfileCodec.toBytes(profile)));
                insert.setString(column++, source);
                insert.setLong(column, createdAtMillis);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new BaselineStoreException("could not save " + profiles.size() + " baseline profile(s) of " + model
                    + segmentSuffix(segment) + " to " + table + ": " + e.getMessage(), e);
        }
        return Instant.ofEpochMilli(createdAtMillis);
    }

    /**
     * The latest profile of each feature of a model version, by feature name (sorted); empty when none
     * was saved.
     *
     * @throws BaselineStoreException when ClickHouse fails the query
     * @throws IllegalStateException  when a stored profile does not decode or names another feature
     */
    public Map<String, ReferenceProfile> load(String modelId, String modelVersion) {
        return load(modelId, modelVersion, "");
    }

    /** As {@link #load(String, String)}, for one segment's own profiles ({@code ""}: the whole version). */
    public Map<String, ReferenceProfile> load(String modelId, String modelVersion, String segment) {
        ModelVersion model = new ModelVersion(modelId, modelVersion);
        requireSegment(segment);
        String sql = "SELECT model_id, model_version, feature, profile_base64 FROM " + table
                + " FINAL WHERE model_id = ? AND model_version = ? AND segment = ? ORDER BY feature";
        try (Connection connection = connector.open(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, model.modelId());
            query.setString(2, model.modelVersion());
            query.setString(3, segment);
            return read(query).getOrDefault(model, new TreeMap<>());
        } catch (SQLException e) {
            throw new BaselineStoreException("could not load the baselines of " + model + segmentSuffix(segment) + " from " + table + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The latest profile of every feature of every model version, for a job's start-up: model versions in
     * (model, version) order, each with its profiles by feature name (sorted).
     *
     * @throws BaselineStoreException when ClickHouse fails the query
     * @throws IllegalStateException  when a stored profile does not decode or names another feature
     */
    public Map<ModelVersion, Map<String, ReferenceProfile>> loadAll() {
        String sql = "SELECT model_id, model_version, feature, profile_base64 FROM " + table
                + " FINAL WHERE segment = '' ORDER BY model_id, model_version, feature";
        try (Connection connection = connector.open(); PreparedStatement query = connection.prepareStatement(sql)) {
            return read(query);
        } catch (SQLException e) {
            throw new BaselineStoreException("could not load the baselines from " + table + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every stored baseline, model-version-wide and per segment, for a job's start-up: sorted by model,
     * version and segment (the version-wide one, segment {@code ""}, first), each with the latest
     * {@code created_at} of its profiles.
     *
     * @throws BaselineStoreException when ClickHouse fails the query
     * @throws IllegalStateException  when a stored profile does not decode or names another feature
     */
    public List<StoredBaseline> loadScopes() {
        String sql = "SELECT model_id, model_version, segment, feature, profile_base64, toUnixTimestamp64Milli(created_at)"
                + " FROM " + table + " FINAL ORDER BY model_id, model_version, segment, feature";
        List<StoredBaseline> scopes = new ArrayList<>();
        try (Connection connection = connector.open(); PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            ModelVersion model = null;
            String segment = null;
            Map<String, ReferenceProfile> profiles = new TreeMap<>();
            long createdAt = Long.MIN_VALUE;
            while (rows.next()) {
                ModelVersion rowModel = new ModelVersion(rows.getString(1), rows.getString(2));
                String rowSegment = rows.getString(3);
                if (!rowModel.equals(model) || !rowSegment.equals(segment)) {
                    if (model != null) {
                        scopes.add(new StoredBaseline(model, segment, Instant.ofEpochMilli(createdAt), profiles));
                    }
                    model = rowModel;
                    segment = rowSegment;
                    profiles = new TreeMap<>();
                    createdAt = Long.MIN_VALUE;
                }
                String feature = rows.getString(4);
                profiles.put(feature, decode(model, feature, rows.getString(5)));
                createdAt = Math.max(createdAt, rows.getLong(6));
            }
            if (model != null) {
                scopes.add(new StoredBaseline(model, segment, Instant.ofEpochMilli(createdAt), profiles));
            }
        } catch (SQLException e) {
            throw new BaselineStoreException("could not load the baselines from " + table + ": " + e.getMessage(), e);
        }
        return scopes;
    }

    /**
     * Segments become part of the job's window keys, which are joined by a control character (ASCII unit
     * separator), so no segment may hold one.
     *
     * @throws IllegalArgumentException on a null segment or one holding a control character
     */
    static String requireSegment(String segment) {
        if (segment == null) {
            throw new IllegalArgumentException("segment is null (use \"\" for the whole model version)");
        }
        if (segment.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("segment '" + segment.replaceAll("\\p{Cntrl}", "?")
                    + "' holds a control character");
        }
        return segment;
    }

    private static String segmentSuffix(String segment) {
        return segment.isEmpty() ? "" : " segment '" + segment + "'";
    }

    private static Map<ModelVersion, Map<String, ReferenceProfile>> read(PreparedStatement query) throws SQLException {
        Map<ModelVersion, Map<String, ReferenceProfile>> result = new LinkedHashMap<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ModelVersion model = new ModelVersion(rows.getString(1), rows.getString(2));
                String feature = rows.getString(3);
                ReferenceProfile profile = decode(model, feature, rows.getString(4));
                result.computeIfAbsent(model, m -> new TreeMap<>()).put(feature, profile);
            }
        }
        return result;
    }

    private static ReferenceProfile decode(ModelVersion model, String feature, String base64) {
        ReferenceProfile profile;
        try {
            profile = ProfileCodec.fromBytes(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stored baseline of " + model + " feature '" + feature
                    + "' does not decode: " + e.getMessage(), e);
        }
        if (!profile.featureName().equals(feature)) {
            throw new IllegalStateException("stored baseline of " + model + " feature '" + feature
                    + "' holds the profile of feature '" + profile.featureName() + "'");
        }
        return profile;
    }

    /** The value of the table's {@code kind} enum, e.g. {@code numeric}. */
    private static String kindName(ReferenceProfile profile) {
        return profile.kind().name().toLowerCase(Locale.ROOT);
    }
}
