package io.driftwatch.app.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A fixed, seeded input for the pipeline: {@value #KEYS} series (2 models x 2 countries) over {@value #WINDOWS}
 * one-minute windows from a given start, a few malformed records, and per partition a final flush event far in the future so the
 * watermark passes every window and all of them fire.
 *
 * <p>Why the results do not depend on parallelism or restarts: series {@code i} goes to partition {@code i}
 * only, in event-time order, so every key sees its events in the same order in every run (the sums and
 * sketches are then bit-identical); no event is late (each partition is ordered, out-of-orderness and
 * idleness are zero); and a series holds {@value #PER_WINDOW} values per window, so the window and the
 * {@value #ROLLING_WINDOWS}-window rolling reference stay under KLL's k = 200 and its sketches are exact
 * (randomized compaction never runs). Record timestamps are the event times, so dead letters match too.
 *
 * <p>One thing depends on timing: a series' rolling frame is derived when its first window fires, and only
 * windows that open after that are framed (flink-jobs/PIPELINE.md, "Baselines"). Window 1 always opens first
 * (its events move the watermark past window 0), but whether window 2 does depends on when the source's
 * periodic watermark passes relative to reading window 2. So runs produce windows {@code [0, FRAMED_FROM)},
 * wait until window 0 has fired for every series, and only then produce the rest.
 */
final class KnownTraffic {

    static final String[] MODELS = {"fraud", "credit"};
    static final String[] COUNTRIES = {"DE", "FR"};
    static final int KEYS = MODELS.length * COUNTRIES.length;
    /** One partition per series. */
    static final int PARTITIONS = KEYS;
    static final int WINDOWS = 6;
    static final long WINDOW_MILLIS = 60_000;
    static final int PER_WINDOW = 30;
    static final int ROLLING_WINDOWS = 2;
    /** Windows produced before window 0 must have fired; later windows all open framed. */
    static final int FRAMED_FROM = 2;
    /** Flush events come this long after the start: far past the last window. */
    static final long FLUSH_AFTER_MILLIS = Duration.ofDays(1).toMillis();
    static final long SEED = 20261124L;
    /** Windows holding a malformed record per partition (one every {@value #MALFORMED_EVERY} windows). */
    static final int MALFORMED_EVERY = 3;
    static final int MALFORMED_PER_PARTITION = WINDOWS / MALFORMED_EVERY;
    static final int VALID_EVENTS = KEYS * WINDOWS * PER_WINDOW;
    /** Windows that fire: all but the flush events' own. */
    static final int FIRED_WINDOWS = KEYS * WINDOWS;
    static final int DEAD_LETTERS = PARTITIONS * MALFORMED_PER_PARTITION;
    private static final String[] CHANNELS = {"web", "app", "store"};

    /** One Kafka record. */
    record Event(int partition, long timestamp, byte[] value) {}

    /** Per window, its events in production order. */
    private final List<List<Event>> byWindow = new ArrayList<>();
    private final List<Event> flush = new ArrayList<>();

    private final long base;

    /**
     * The traffic starting at {@code base} (epoch millis, a multiple of the window). The result tables' TTLs
     * count from the event and record times (dead letters are kept 30 days), so tests start it at today.
     */
    KnownTraffic(long base) {
        if (base % WINDOW_MILLIS != 0) {
            throw new IllegalArgumentException("base must be window-aligned, was " + base);
        }
        this.base = base;
        long flushTime = base + FLUSH_AFTER_MILLIS;
        Random random = new Random(SEED);
        long spacing = WINDOW_MILLIS / PER_WINDOW;
        long seq = 0;
        for (int w = 0; w < WINDOWS; w++) {
            List<Event> phase = new ArrayList<>();
            byWindow.add(phase);
            for (int i = 0; i < PER_WINDOW; i++) {
                for (int key = 0; key < KEYS; key++) {
                    long time = base + w * WINDOW_MILLIS + i * spacing;
                    // the second model's FR series shifts in the last windows, so some rows say drift
                    double shift = key == KEYS - 1 && w >= WINDOWS - 2 ? 1.5 : 0.0;
                    String json = event(seq++, key, time, random.nextGaussian() + shift,
                            CHANNELS[random.nextInt(CHANNELS.length)], random.nextDouble(), 1 + random.nextInt(80));
                    phase.add(new Event(key, time, json.getBytes(StandardCharsets.UTF_8)));
                    if (w % MALFORMED_EVERY == 0 && i == PER_WINDOW / 2) {
                        phase.add(new Event(key, time, malformed(key, w, time)));
                    }
                }
            }
        }
        for (int key = 0; key < KEYS; key++) {
            flush.add(new Event(key, flushTime, event(seq++, key, flushTime, 0.0, CHANNELS[0], 0.5, 1)
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Today, 00:00 UTC. */
    static long startOfToday() {
        return LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /**
     * The events of windows {@code [from, to)}, plus the flush events when {@code to} is {@link #WINDOWS}.
     * Produced in turn, the windows up to {@code to - 2} fire (the last one stays open: the watermark is at
     * its last event).
     */
    List<Event> windows(int from, int to) {
        if (from < 0 || to > WINDOWS || from >= to) {
            throw new IllegalArgumentException("windows [" + from + ", " + to + ") not within [0, " + WINDOWS + ")");
        }
        List<Event> events = new ArrayList<>();
        byWindow.subList(from, to).forEach(events::addAll);
        if (to == WINDOWS) {
            events.addAll(flush);
        }
        return events;
    }

    List<Event> all() {
        return windows(0, WINDOWS);
    }

    /** Sends {@code events} in order and waits until every one is acknowledged. */
    static void produce(String bootstrapServers, String topic, List<Event> events) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Event e : events) {
                producer.send(new ProducerRecord<>(topic, e.partition(), e.timestamp(), null, e.value()));
            }
            producer.flush();
        }
    }

    private static String event(long seq, int key, long time, double amount, String channel, double score, int latency) {
        return "{\"schema_version\":1,\"prediction_id\":\"p-" + seq + "\",\"model_id\":\"" + MODELS[key / COUNTRIES.length]
                + "\",\"model_version\":\"v1\",\"timestamp\":\"" + Instant.ofEpochMilli(time) + "\",\"features\":{"
                + "\"amount\":" + amount + ",\"channel\":\"" + channel + "\"},\"score\":" + score
                + ",\"latency_ms\":" + latency + ",\"segment\":{\"country\":\"" + COUNTRIES[key % COUNTRIES.length] + "\"}}";
    }

    /** Alternately broken JSON and a schema violation (a score above 1). */
    private static byte[] malformed(int key, int window, long time) {
        String text = window == 0 ? "{\"schema_version\":1,\"model_id\":\"" + MODELS[key / COUNTRIES.length] + "\","
                : event(-1 - key, key, time, 0.0, CHANNELS[0], 1.5, 1);
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
