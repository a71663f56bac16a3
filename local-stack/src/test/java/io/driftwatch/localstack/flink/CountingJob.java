package io.driftwatch.localstack.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.shaded.guava33.com.google.common.util.concurrent.RateLimiter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * A small stateful, checkpointed test job: the numbers 0..records-1 (a checkpointed, replayable
 * source), throttled to {@code rate} per second, keyed by {@code value % keys}; per key a count and a
 * sum in keyed state; every update upserts the key's totals into the file {@code output/key-<k>}
 * (idempotent: replaying a record after a restore rewrites the same totals).
 *
 * <p>Arguments: {@code --records N --keys K --rate R --output DIR}.
 */
public final class CountingJob {

    private CountingJob() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = JobArgs.parse(args);
        long records = Long.parseLong(JobArgs.required(opts, "records"));
        long keys = Long.parseLong(JobArgs.required(opts, "keys"));
        double rate = Double.parseDouble(JobArgs.required(opts, "rate"));
        String output = JobArgs.required(opts, "output");

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        // uids keep operator state addressable across savepoints and rescaling
        env.fromSequence(0, records - 1).name("numbers").uid("numbers")
                .map(new Throttle(rate)).name("throttle").uid("throttle")
                .keyBy(value -> value % keys)
                .process(new CountAndSum()).name("count-and-sum").uid("count-and-sum")
                .sinkTo(new KeyFileSink(output)).name("key-files").uid("key-files");
        env.execute("driftwatch-counting-test-job");
    }

    /** Running totals of one key after {@code value}. */
    public record KeyTotals(long key, long value, long count, long sum) implements Serializable {
        private static final long serialVersionUID = 1L;

        String line() {
            return count + "," + sum;
        }
    }

    /** Holds back the source (chained to it) to {@code rate} records per second over all subtasks. */
    static final class Throttle extends RichMapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final double rate;
        private transient RateLimiter limiter;

        Throttle(double rate) {
            this.rate = rate;
        }

        @Override
        public void open(OpenContext context) {
            limiter = RateLimiter.create(rate / getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks());
        }

        @Override
        public Long map(Long value) {
            limiter.acquire();
            return value;
        }
    }

    /** Count and sum per key, in checkpointed keyed state. */
    static final class CountAndSum extends KeyedProcessFunction<Long, Long, KeyTotals> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Long> count;
        private transient ValueState<Long> sum;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<KeyTotals> out) throws IOException {
            long newCount = (count.value() == null ? 0 : count.value()) + 1;
            long newSum = (sum.value() == null ? 0 : sum.value()) + value;
            count.update(newCount);
            sum.update(newSum);
            out.collect(new KeyTotals(ctx.getCurrentKey(), value, newCount, newSum));
        }
    }

    /** Upserts each key's latest totals into its own file, atomically (write aside, then rename). */
    static final class KeyFileSink implements Sink<KeyTotals> {
        private static final long serialVersionUID = 1L;
        private final String directory;

        KeyFileSink(String directory) {
            this.directory = directory;
        }

        @Override
        public SinkWriter<KeyTotals> createWriter(WriterInitContext context) throws IOException {
            Path dir = Files.createDirectories(Path.of(directory));
            int subtask = context.getTaskInfo().getIndexOfThisSubtask();
            return new SinkWriter<>() {
                @Override
                public void write(KeyTotals totals, Context ctx) throws IOException {
                    Path aside = dir.resolve(".tmp-" + subtask);
                    Files.writeString(aside, totals.line(), StandardCharsets.UTF_8);
                    Files.move(aside, dir.resolve("key-" + totals.key()), StandardCopyOption.ATOMIC_MOVE);
                }

                @Override
                public void flush(boolean endOfInput) {
                    // every write is already on disk
                }

                @Override
                public void close() {
                    // nothing held open
                }
            };
        }
    }
}
