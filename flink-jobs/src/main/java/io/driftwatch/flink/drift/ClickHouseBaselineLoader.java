package io.driftwatch.flink.drift;

import io.driftwatch.flink.baseline.BaselineStore;
import io.driftwatch.flink.baseline.StoredBaseline;
import io.driftwatch.flink.sink.ClickHouseConnections;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Loads every stored baseline, model-version-wide and per segment, through the ClickHouse {@link BaselineStore}
 * ({@code loadScopes()}). The baseline id is a content fingerprint ({@value #ID_PREFIX} + CRC-32 of the
 * encoded profiles, hex): equal profiles, equal id; the latest save time of its profiles is its
 * {@code createdAtMillis}.
 */
public final class ClickHouseBaselineLoader implements BaselineLoader {

    private static final long serialVersionUID = 1L;
    public static final String ID_PREFIX = "stored:";

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String database;

    public ClickHouseBaselineLoader(String jdbcUrl, String user, String password, String database) {
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Collection<BaselineUpdate> loadAll() {
        BaselineStore store = new BaselineStore(() -> ClickHouseConnections.open(jdbcUrl, user, password), database);
        List<BaselineUpdate> updates = new ArrayList<>();
        for (StoredBaseline stored : store.loadScopes()) {
            byte[] encoded = BaselineUpdate.encodeProfiles(stored.profiles());
            CRC32 crc = new CRC32();
            crc.update(encoded);
            updates.add(BaselineUpdate.of(stored.model().modelId(), stored.model().modelVersion(), stored.segment(),
                    ID_PREFIX + Long.toHexString(crc.getValue()), stored.createdAt(), stored.profiles()));
        }
        return updates;
    }
}
