package io.driftwatch.flink.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.flink.config.LimitsConfig;
import io.driftwatch.flink.config.SegmentConfig;
import io.driftwatch.flink.source.CardinalityGuard;
import io.driftwatch.flink.source.EventTimeGuard;
import io.driftwatch.schemas.events.ParseFailureReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CardinalityGuardTest {

    private static final int SEGMENTS = 3;
    private static final int VALUES_PER_KEY = 4;
    private static final int CATEGORIES = 2;
    private static final int FEATURES = 1;

    private static CardinalityGuard guard() {
        SegmentConfig segments = new SegmentConfig(
                new SegmentConfig.ModelSegments(List.of("country", "channel"), VALUES_PER_KEY), Map.of());
        return new CardinalityGuard(segments, new LimitsConfig(FEATURES, CATEGORIES, SEGMENTS, Duration.ZERO,
                Duration.ZERO));
    }

    @Test
    void segmentsPastTheModelLimitGoToTheOverflowSegmentAndAreCounted() {
        CardinalityGuard guard = guard();
        for (String country : List.of("DE", "FR", "IT")) {
            assertThat(guard.segment("m", Map.of("country", country))).isEqualTo("country=" + country);
        }
        assertThat(guard.segment("m", Map.of("country", "ES"))).isEqualTo(CardinalityGuard.OVERFLOW_SEGMENT);
        assertThat(guard.segment("m", Map.of("country", "DE"))).isEqualTo("country=DE");
        assertThat(guard.segment("other-model", Map.of("country", "ES"))).isEqualTo("country=ES");
        assertThat(guard.segmentsFolded()).isEqualTo(1);
    }

    @Test
    void valuesPastAKeysCardinalityBecomeOther() {
        CardinalityGuard guard = new CardinalityGuard(new SegmentConfig(
                new SegmentConfig.ModelSegments(List.of("country"), 2), Map.of()),
                new LimitsConfig(FEATURES, CATEGORIES, 100, Duration.ZERO, Duration.ZERO));
        guard.segment("m", Map.of("country", "DE"));
        guard.segment("m", Map.of("country", "FR"));
        assertThat(guard.segment("m", Map.of("country", "IT"))).isEqualTo("country=__other__");
        assertThat(guard.segment("m", Map.of("country", "ES"))).isEqualTo("country=__other__");
        assertThat(guard.segmentsFolded()).isEqualTo(2);
    }

    @Test
    void unconfiguredSegmentKeysAreDroppedBeforeCounting() {
        CardinalityGuard guard = guard();
        for (int i = 0; i < 10; i++) {
            assertThat(guard.segment("m", Map.of("country", "DE", "user", "u" + i))).isEqualTo("country=DE");
        }
        assertThat(guard.segmentsFolded()).isZero();
    }

    @Test
    void categoriesPastTheFeatureLimitBecomeOtherAndAreCounted() {
        CardinalityGuard guard = guard();
        assertThat(guard.category("m", "channel", "web")).isEqualTo("web");
        assertThat(guard.category("m", "channel", "app")).isEqualTo("app");
        assertThat(guard.category("m", "channel", "pos")).isEqualTo(CardinalityGuard.OTHER_VALUE);
        assertThat(guard.category("m", "channel", "web")).isEqualTo("web");
        // the second feature is past max_features: windows ignore it, the guard tracks nothing for it
        assertThat(guard.category("m", "device", "d1")).isEqualTo("d1");
        assertThat(guard.category("m", "device", "d2")).isEqualTo("d2");
        assertThat(guard.category("m", "device", "d3")).isEqualTo("d3");
        assertThat(guard.categoriesFolded()).isEqualTo(1);
    }

    @Test
    void positionalLookupsAnswerAsByNameWhenFeaturesMoveBetweenPositions() {
        CardinalityGuard byName = guard();
        CardinalityGuard byPosition = guard();
        CardinalityGuard.ModelCategories categories = byPosition.categories("m");
        String[][] events = {
            {"channel", "web", "device", "d1"}, {"channel", "app", "device", "d2"},
            {"device", "d3", "channel", "pos"}, {"channel", "pos", "device", "d1"}, {"channel", "web", "device", "d4"},
        };
        for (String[] event : events) {
            for (int i = 0; i < event.length; i += 2) {
                assertThat(categories.category(i / 2, event[i], event[i + 1]))
                        .as("%s=%s at %d", event[i], event[i + 1], i / 2)
                        .isEqualTo(byName.category("m", event[i], event[i + 1]));
            }
        }
        assertThat(byPosition.categoriesFolded()).isEqualTo(byName.categoriesFolded()).isEqualTo(2);
    }

    @Test
    void categoriesRememberedByIdentityStillFoldEveryEventPastTheLimit() {
        CardinalityGuard byName = guard();
        CardinalityGuard byPosition = guard();
        CardinalityGuard.ModelCategories categories = byPosition.categories("m");
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        String[] pool = new String[40];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = "c" + i;
        }
        for (int event = 0; event < 2_000; event++) {
            // a fresh equal instance now and then, as when the parser's string cache replaced a slot
            String category = random.nextInt(10) == 0 ? new String(pool[random.nextInt(3)]) : pool[random.nextInt(3)];
            if (random.nextInt(50) == 0) {
                category = pool[3 + random.nextInt(pool.length - 3)];
            }
            assertThat(categories.category(0, "channel", category)).as("event %d: %s", event, category)
                    .isEqualTo(byName.category("m", "channel", category));
        }
        assertThat(byPosition.categoriesFolded()).isEqualTo(byName.categoriesFolded()).isPositive();
    }

    @Test
    void manyCategoriesSharingTheRememberedSlotsAnswerAsByName() {
        int limit = 150;
        SegmentConfig segments = new SegmentConfig(new SegmentConfig.ModelSegments(List.of(), VALUES_PER_KEY), Map.of());
        LimitsConfig limits = new LimitsConfig(FEATURES, limit, SEGMENTS, Duration.ZERO, Duration.ZERO);
        CardinalityGuard byName = new CardinalityGuard(segments, limits);
        CardinalityGuard byPosition = new CardinalityGuard(segments, limits);
        CardinalityGuard.ModelCategories categories = byPosition.categories("m");
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        // far more categories than remembered slots, so slots collide and get overwritten; some past the limit
        String[] pool = new String[2 * limit];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = "merchant-" + i;
        }
        for (int event = 0; event < 20_000; event++) {
            int pick = Math.min(random.nextInt(pool.length), random.nextInt(pool.length));
            String category = random.nextInt(20) == 0 ? new String(pool[pick]) : pool[pick];
            assertThat(categories.category(0, "merchant", category)).as("event %d: %s", event, category)
                    .isEqualTo(byName.category("m", "merchant", category));
        }
        assertThat(byPosition.categoriesFolded()).isEqualTo(byName.categoriesFolded()).isPositive();
    }

    @Test
    void eventTimesFarFromTheRecordTimeAreInvalidTimestampsAndZeroDisables() {
        long record = 1_000_000_000L;
        EventTimeGuard guard = new EventTimeGuard(Duration.ofHours(1), Duration.ofDays(1));
        assertThat(guard.check(record + Duration.ofHours(1).toMillis(), record)).isEmpty();
        assertThat(guard.check(record + Duration.ofHours(1).toMillis() + 1, record)).get()
                .satisfies(f -> assertThat(f.reason()).isEqualTo(ParseFailureReason.INVALID_TIMESTAMP))
                .satisfies(f -> assertThat(f.detail()).contains("ahead of", "max_event_time_ahead"));
        assertThat(guard.check(record - Duration.ofDays(1).toMillis() - 1, record)).get()
                .satisfies(f -> assertThat(f.detail()).contains("behind", "max_event_time_behind"));
        assertThat(guard.check(Long.MAX_VALUE / 2, -1)).isEmpty();
        EventTimeGuard off = new EventTimeGuard(Duration.ZERO, Duration.ZERO);
        assertThat(off.check(Long.MAX_VALUE / 2, record)).isEmpty();
        assertThat(off.check(0, record)).isEmpty();
    }
}
