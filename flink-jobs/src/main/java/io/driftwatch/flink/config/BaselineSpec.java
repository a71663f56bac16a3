package io.driftwatch.flink.config;

import java.io.Serializable;
import java.util.Objects;

/** What a model's live windows are compared against. */
public sealed interface BaselineSpec extends Serializable permits BaselineSpec.Rolling, BaselineSpec.ReferenceProfile {

    /** The kind keyword used in the config file. */
    enum Kind {
        ROLLING("rolling"),
        CLICKHOUSE("clickhouse");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * The merged last {@code windows} windows of the same model, version and segment.
     *
     * @param windows how many past windows form the baseline
     */
    record Rolling(int windows) implements BaselineSpec {
        public Rolling {
            if (windows < 1) {
                throw new IllegalArgumentException("a rolling baseline needs at least 1 window, got " + windows);
            }
        }
    }

    /**
     * A stored reference profile (e.g. computed from training data) in ClickHouse.
     *
     * @param profileId id of the profile in ClickHouse
     */
    record ReferenceProfile(String profileId) implements BaselineSpec {
        public ReferenceProfile {
            Objects.requireNonNull(profileId, "profileId");
        }
    }
}
