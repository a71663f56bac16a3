package io.driftwatch.app.cluster;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Smoke-test job for {@code submit}: writes the sum of v*v for v in 1..N to a file. Args: {@code N FILE}. */
public final class SquareSumJob {

    private SquareSumJob() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SquareSumJob N FILE");
        }
        long n = Long.parseLong(args[0]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromSequence(1, n).map(v -> v * v).returns(Types.LONG)
                .sinkTo(new SumToFile(args[1])).setParallelism(1);
        env.execute("driftwatch-square-sum");
    }

    /** Adds everything up and writes the total at the end of the input. */
    static final class SumToFile implements Sink<Long> {
        private static final long serialVersionUID = 1L;
        private final String file;

        SumToFile(String file) {
            this.file = file;
        }

        @Override
        public SinkWriter<Long> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                private long sum;

                @Override
                public void write(Long value, Context ctx) {
                    sum += value;
                }

                @Override
                public void flush(boolean endOfInput) throws IOException {
                    if (endOfInput) {
                        Files.writeString(Path.of(file), Long.toString(sum), StandardCharsets.UTF_8);
                    }
                }

                @Override
                public void close() {
                    // nothing held open
                }
            };
        }
    }
}
