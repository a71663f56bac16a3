package io.driftwatch.app.demo;

import io.driftwatch.schemas.events.LabelValue;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Deterministic demo traffic: prediction events from {@link #nextPrediction()} in emission order, and label events
 * from {@link #dueLabels(long)} once their simulated arrival time has come. Equal {@link TrafficOptions} and an equal
 * sequence of calls give byte-identical events.
 *
 * <p>Typical loop: {@code e = nextPrediction(); send(e); dueLabels(simulatedNowMillis()).forEach(send)}. Event time
 * advances by an exponential gap per prediction, independent of wall-clock time; pace the loop with
 * {@link EventPacer}.
 *
 * <p>Independent random streams drive features, arrivals, latency, labels and malformed copies, so for example the
 * features of pre-drift traffic do not change when the label or malformed options change. Not thread-safe.
 */
public final class TrafficGenerator {

    private static final long NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    private static final Comparator<Scheduled> BY_TIME_THEN_ORDER =
            Comparator.comparingLong(Scheduled::atMillis).thenComparingLong(Scheduled::order);

    private final TrafficOptions options;
    private final SplittableRandom featureRandom;
    private final SplittableRandom arrivalRandom;
    private final SplittableRandom latencyRandom;
    private final SplittableRandom labelRandom;
    private final SplittableRandom malformedRandom;
    private final ModelSimulator fraud;
    private final ModelSimulator credit;
    private final EventJson json = new EventJson();
    private final MalformedEventInjector injector = new MalformedEventInjector();
    private final ArrayDeque<GeneratedEvent> pendingPredictions = new ArrayDeque<>();
    private final PriorityQueue<Scheduled> heldPredictions = new PriorityQueue<>(BY_TIME_THEN_ORDER);
    private final PriorityQueue<Scheduled> scheduledLabels = new PriorityQueue<>(BY_TIME_THEN_ORDER);
    private long generated;
    private long scheduleOrder;
    private long clockNanos;

    /** An event due at a simulated time; {@code order} breaks ties in scheduling order. */
    private record Scheduled(long atMillis, long order, GeneratedEvent event) {}

    public TrafficGenerator(TrafficOptions options) {
        this.options = options;
        SplittableRandom root = new SplittableRandom(options.seed());
        this.featureRandom = root.split();
        this.arrivalRandom = root.split();
        this.latencyRandom = root.split();
        this.labelRandom = root.split();
        this.malformedRandom = root.split();
        this.fraud = new FraudSimulator(options.drift());
        this.credit = new CreditSimulator();
    }

    public TrafficOptions options() {
        return options;
    }

    /**
     * The next prediction event to send: a new one, a held-back one whose label already went out
     * ({@link EventMark#PREDICTION_AFTER_LABEL}), or a broken copy of the previous one ({@link EventMark#MALFORMED}).
     */
    public GeneratedEvent nextPrediction() {
        while (true) {
            if (!pendingPredictions.isEmpty()) {
                return pendingPredictions.poll();
            }
            Scheduled held = heldPredictions.peek();
            if (held != null && held.atMillis() <= simulatedNowMillis()) {
                return heldPredictions.poll().event();
            }
            generateOne();
        }
    }

    /**
     * Labels (and their duplicates and broken copies) whose simulated arrival time is at or before
     * {@code simulatedNowMillis}, in arrival order; each is returned once.
     */
    public List<GeneratedEvent> dueLabels(long simulatedNowMillis) {
        List<GeneratedEvent> due = new ArrayList<>();
        while (!scheduledLabels.isEmpty() && scheduledLabels.peek().atMillis() <= simulatedNowMillis) {
            due.add(scheduledLabels.poll().event());
        }
        return due;
    }

    /** Event time of the newest generated prediction (the simulated "now"); the start time before the first. */
    public long simulatedNowMillis() {
        return options.start().toEpochMilli() + clockNanos / NANOS_PER_MILLI;
    }

    /** Number of valid predictions generated so far (held-back ones included, broken copies not). */
    public long predictionsGenerated() {
        return generated;
    }

    /**
     * Predictions still held back (their labels already went out), in event-time order, removed from the generator;
     * call once at the end of a run so that every label's prediction is eventually sent.
     */
    public List<GeneratedEvent> drainHeldPredictions() {
        List<GeneratedEvent> drained = new ArrayList<>();
        while (!heldPredictions.isEmpty()) {
            drained.add(heldPredictions.poll().event());
        }
        drained.addAll(pendingPredictions);
        pendingPredictions.clear();
        return drained;
    }

    /** Labels scheduled but not yet due. */
    public int pendingLabelCount() {
        return scheduledLabels.size();
    }

    /** What drift is injected, for the demo's "detected on the injected features only" check. */
    public InjectedDrift injectedDrift() {
        DriftOptions drift = options.drift();
        Set<String> features = new LinkedHashSet<>();
        if (drift.amountMultiplier() != 1.0) {
            features.add(FraudSimulator.AMOUNT);
        }
        if (drift.changesMerchantMix()) {
            features.add(FraudSimulator.MERCHANT_CATEGORY);
        }
        return new InjectedDrift(DemoModel.FRAUD, drift.segment().segment(), features, drift.latencyModel(),
                drift.latencyMedianShiftMs(), drift.calibrationLogOddsShift(), drift.start());
    }

    /** Feature names of {@code model}, in event and CSV order. */
    public static List<String> featureNames(DemoModel model) {
        return TrainingDataset.simulator(model).featureNames();
    }

    /**
     * Writes {@code rows} rows of {@code model}'s pre-drift features as a training CSV; seeded from this generator's
     * seed but independent of its traffic. See {@link TrainingDataset}.
     */
    public void writeTrainingCsv(DemoModel model, Path file, int rows) {
        TrainingDataset.writeCsv(file, model, rows, TrainingDataset.trainingSeed(options.seed()));
    }

    /** {@link #writeTrainingCsv(DemoModel, Path, int)} for the fraud model, the one whose features drift. */
    public void writeTrainingCsv(Path file, int rows) {
        writeTrainingCsv(DemoModel.FRAUD, file, rows);
    }

    /** The rows {@link #writeTrainingCsv(DemoModel, Path, int)} writes, as in-memory columns. */
    public TrainingColumns trainingColumns(DemoModel model, int rows) {
        return TrainingDataset.columns(model, rows, TrainingDataset.trainingSeed(options.seed()));
    }

    private void generateOne() {
        clockNanos += Math.round(arrivalRandom.nextExponential() * options.meanInterArrival().toNanos());
        long eventTime = simulatedNowMillis();
        long index = generated++;
        boolean driftActive = options.drift().start().isActive(index, eventTime);
        ModelSimulator simulator = featureRandom.nextDouble() < options.fraudShare() ? fraud : credit;
        SimulatedPrediction prediction = simulator.simulate(featureRandom, driftActive);
        String predictionId = "p-" + Long.toHexString(options.seed()) + "-" + index;

        EnumSet<EventMark> marks = EnumSet.noneOf(EventMark.class);
        if (driftActive) {
            marks.add(EventMark.AFTER_DRIFT_START);
        }
        if (prediction.driftedSegment()) {
            marks.add(EventMark.DRIFTED_SEGMENT);
        }
        double latencyMs = latency(prediction.model(), driftActive);
        GeneratedEvent event = new GeneratedEvent(EventKind.PREDICTION, prediction.model(), predictionId, eventTime,
                json.prediction(predictionId, eventTime, prediction, latencyMs), marks, Optional.empty());

        boolean labelFirst = scheduleLabel(event, prediction, marks);
        if (labelFirst) {
            long release = eventTime + options.labels().labelFirstHold().toMillis();
            heldPredictions.add(new Scheduled(release, scheduleOrder++,
                    event.withMarks(EnumSet.of(EventMark.PREDICTION_AFTER_LABEL))));
        } else {
            pendingPredictions.add(event);
        }
        maybeCorrupt(event).ifPresent(pendingPredictions::add);
    }

    private double latency(DemoModel model, boolean driftActive) {
        DriftOptions drift = options.drift();
        double shift = driftActive && model == drift.latencyModel() ? drift.latencyMedianShiftMs() : 0;
        return RandomDraws.logNormal(latencyRandom, model.latencyMedianMs() + shift, model.latencyLogSigma());
    }

    /** Schedules the label (if any) of a prediction; returns whether it goes out before the prediction. */
    private boolean scheduleLabel(GeneratedEvent prediction, SimulatedPrediction simulated, Set<EventMark> marks) {
        LabelOptions labels = options.labels();
        if (!RandomDraws.bernoulli(labelRandom, labels.labelledFraction())) {
            return false;
        }
        LabelValue value = simulated.truth().draw(labelRandom);
        boolean labelFirst = RandomDraws.bernoulli(labelRandom, labels.labelFirstFraction());
        long labelTime = prediction.eventTimeMillis() + (labelFirst ? 0 : labels.delays().drawMillis(labelRandom));
        EnumSet<EventMark> labelMarks = EnumSet.noneOf(EventMark.class);
        labelMarks.addAll(marks);
        if (labelFirst) {
            labelMarks.add(EventMark.LABEL_BEFORE_PREDICTION);
        }
        GeneratedEvent label = new GeneratedEvent(EventKind.LABEL, simulated.model(), prediction.predictionId(),
                labelTime, json.label(prediction.predictionId(), simulated.model(), labelTime, value), labelMarks,
                Optional.empty());
        scheduledLabels.add(new Scheduled(labelTime, scheduleOrder++, label));
        if (RandomDraws.bernoulli(labelRandom, labels.duplicateFraction())) {
            long copyAt = labelTime + Math.round(labelRandom.nextExponential() * labels.duplicateDelayMean().toMillis());
            scheduledLabels.add(new Scheduled(copyAt, scheduleOrder++,
                    label.withMarks(EnumSet.of(EventMark.DUPLICATE_LABEL))));
        }
        maybeCorrupt(label).ifPresent(broken -> scheduledLabels.add(new Scheduled(labelTime, scheduleOrder++, broken)));
        return labelFirst;
    }

    private Optional<GeneratedEvent> maybeCorrupt(GeneratedEvent valid) {
        if (!RandomDraws.bernoulli(malformedRandom, options.malformedFraction())) {
            return Optional.empty();
        }
        Malformation[] kinds = Malformation.values();
        Malformation kind = kinds[malformedRandom.nextInt(kinds.length)];
        EnumSet<EventMark> marks = EnumSet.of(EventMark.MALFORMED);
        marks.addAll(valid.marks());
        marks.remove(EventMark.DUPLICATE_LABEL);
        return Optional.of(new GeneratedEvent(valid.kind(), valid.model(), valid.predictionId(), valid.eventTimeMillis(),
                injector.corrupt(valid.payload(), valid.kind(), kind), marks, Optional.of(kind)));
    }

    /** Segment of a model's events, e.g. the fraud model's {@code country}; for dashboards and checks. */
    public static String segmentKey(DemoModel model) {
        return model == DemoModel.FRAUD ? FraudCountry.SEGMENT_KEY : CreditSimulator.SEGMENT_KEY;
    }
}
