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
 * <p>Labels: every prediction gets a label (1 with the score's probability) on the labels topic, in the same
 * partition as its prediction and {@link #LABEL_DELAYS_MILLIS} later (seconds to two windows of event time), each
 * partition in label-time order; a batch of windows carries the labels whose time falls in those windows. The flush
 * predictions get a label at the flush time too: the join's event time is the minimum of both sides' watermarks
 * (flink-jobs/PIPELINE.md, "Labels"; idleness is zero), so without it the label side would hold back the label
 * metrics and the alert evaluator behind them. Labels come from their own seeded generator, so the predictions are
 * those of a run without labels.
 *
 * <p>Alerts: the first series (fraud, DE) answers {@value #LATENCY_SPIKE_MILLIS} ms slower in windows
 * {@code [SPIKE_FROM, SPIKE_TO)}, so a latency rule fires on window {@value #SPIKE_FROM} and resolves on window
 * {@value #SPIKE_TO}.
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
    /** Seed of the labels' own generator. */
    static final long LABEL_SEED = SEED + 1;
    /** Label delays (event time after the prediction), from seconds to two windows. */
    static final long[] LABEL_DELAYS_MILLIS = {5_000, 20_000, 45_000, 90_000, 2 * WINDOW_MILLIS};
    /** The latency spike of series 0: windows {@code [SPIKE_FROM, SPIKE_TO)}. */
    static final int SPIKE_FROM = 2;
    static final int SPIKE_TO = 4;
    static final int SPIKE_SERIES = 0;
    /** Added to series 0's latency in the spike; normal latencies are 1..{@value #MAX_LATENCY_MILLIS} ms. */
    static final int LATENCY_SPIKE_MILLIS = 1_000;
    static final int MAX_LATENCY_MILLIS = 80;
    /** A latency p99 above this is a spike: between the normal maximum and the spike's minimum. */
    static final int LATENCY_ALERT_MILLIS = 500;

    /** Where a record goes. */
    enum Topic { PREDICTIONS, LABELS }

    /** One Kafka record. */
    record Event(Topic topic, int partition, long timestamp, byte[] value) {}

    /** Per window, its events in production order. */
    private final List<List<Event>> byWindow = new ArrayList<>();
    private final List<Event> flush = new ArrayList<>();
    /** Every label but the flush ones, in label-time order (stable: partition order kept at equal times). */
    private final List<Event> labels = new ArrayList<>();

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
        Random labelRandom = new Random(LABEL_SEED);
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
                    double amount = random.nextGaussian() + shift;
                    String channel = CHANNELS[random.nextInt(CHANNELS.length)];
                    double score = random.nextDouble();
                    int latency = 1 + random.nextInt(MAX_LATENCY_MILLIS)
                            + (key == SPIKE_SERIES && w >= SPIKE_FROM && w < SPIKE_TO ? LATENCY_SPIKE_MILLIS : 0);
                    long id = seq++;
                    String json = event(id, key, time, amount, channel, score, latency);
                    phase.add(new Event(Topic.PREDICTIONS, key, time, json.getBytes(StandardCharsets.UTF_8)));
                    if (w % MALFORMED_EVERY == 0 && i == PER_WINDOW / 2) {
                        phase.add(new Event(Topic.PREDICTIONS, key, time, malformed(key, w, time)));
                    }
                    long labelTime = time + LABEL_DELAYS_MILLIS[labelRandom.nextInt(LABEL_DELAYS_MILLIS.length)];
                    labels.add(label(id, key, labelTime, labelRandom.nextDouble() < score ? 1 : 0));
                }
            }
        }
        labels.sort(java.util.Comparator.comparingLong(Event::timestamp));
        for (int key = 0; key < KEYS; key++) {
            long id = seq++;
            flush.add(new Event(Topic.PREDICTIONS, key, flushTime, event(id, key, flushTime, 0.0, CHANNELS[0], 0.5, 1)
                    .getBytes(StandardCharsets.UTF_8)));
            flush.add(label(id, key, flushTime, 0));
        }
    }

    /** Today, 00:00 UTC. */
    static long startOfToday() {
        return LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /**
     * The events of windows {@code [from, to)} and the labels timed in them, plus the later labels and the flush
     * events when {@code to} is {@link #WINDOWS}. Produced in turn, the windows up to {@code to - 2} fire (the last
     * one stays open: the watermark is at its last event).
     */
    List<Event> windows(int from, int to) {
        if (from < 0 || to > WINDOWS || from >= to) {
            throw new IllegalArgumentException("windows [" + from + ", " + to + ") not within [0, " + WINDOWS + ")");
        }
        List<Event> events = new ArrayList<>();
        byWindow.subList(from, to).forEach(events::addAll);
        long labelsFrom = base + from * WINDOW_MILLIS;
        long labelsTo = to == WINDOWS ? Long.MAX_VALUE : base + to * WINDOW_MILLIS;
        labels.stream().filter(l -> l.timestamp() >= labelsFrom && l.timestamp() < labelsTo).forEach(events::add);
        if (to == WINDOWS) {
            events.addAll(flush);
        }
        return events;
    }

    List<Event> all() {
        return windows(0, WINDOWS);
    }

    /** Sends {@code events} in order to their topics and waits until every one is acknowledged. */
    static void produce(String bootstrapServers, String predictionsTopic, String labelsTopic, List<Event> events)
            throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<byte[], byte[]> producer =
                     new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Event e : events) {
                String topic = e.topic() == Topic.LABELS ? labelsTopic : predictionsTopic;
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

    private static Event label(long seq, int key, long time, int label) {
        String json = "{\"schema_version\":1,\"prediction_id\":\"p-" + seq + "\",\"model_id\":\""
                + MODELS[key / COUNTRIES.length] + "\",\"timestamp\":\"" + Instant.ofEpochMilli(time) + "\",\"label\":"
                + label + "}";
        return new Event(Topic.LABELS, key, time, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Alternately broken JSON and a schema violation (a score above 1). */
    private static byte[] malformed(int key, int window, long time) {
        String text = window == 0 ? "{\"schema_version\":1,\"model_id\":\"" + MODELS[key / COUNTRIES.length] + "\","
                : event(-1 - key, key, time, 0.0, CHANNELS[0], 1.5, 1);
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
