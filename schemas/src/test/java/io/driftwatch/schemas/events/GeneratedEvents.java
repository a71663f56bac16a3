package io.driftwatch.schemas.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Seeded prediction events with varied field order, whitespace, value kinds and number spellings. */
final class GeneratedEvents {

    private static final String[] WHITESPACE = {"", "", "", " ", "\n", "\t ", "\r\n"};
    private static final int MAX_FEATURES = 24;

    private GeneratedEvents() {}

    static String event(Random random, int sequence) {
        List<String> fields = new ArrayList<>();
        fields.add(pair(random, "schema_version", "1"));
        fields.add(pair(random, "prediction_id", "\"p-" + sequence + "\""));
        fields.add(pair(random, "model_id", "\"model-" + random.nextInt(3) + "\""));
        fields.add(pair(random, "model_version", "\"v" + random.nextInt(2) + "\""));
        fields.add(pair(random, "timestamp", random.nextBoolean() ? String.valueOf(1_700_000_000_000L + random.nextInt(1 << 30))
                : "\"2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T0" + random.nextInt(10) + ":3"
                + random.nextInt(6) + ":0" + random.nextInt(10) + "." + random.nextInt(1000) + "Z\""));
        fields.add(pair(random, "features", features(random)));
        switch (random.nextInt(3)) {
            case 0 -> fields.add(pair(random, "score", probability(random)));
            case 1 -> fields.add(pair(random, "value", number(random)));
            default -> fields.add(pair(random, "score", random.nextBoolean() ? "0" : "1"));
        }
        if (random.nextBoolean()) {
            fields.add(pair(random, "latency_ms", random.nextInt(5) == 0 ? "null" : Math.abs(random.nextGaussian() * 40) + ""));
        }
        if (random.nextBoolean()) {
            fields.add(pair(random, "predicted_class", random.nextInt(4) == 0 ? "null" : "\"c" + random.nextInt(3) + "\""));
        }
        if (random.nextBoolean()) {
            fields.add(pair(random, "segment", random.nextInt(6) == 0 ? "null" : "{" + ws(random) + "\"country\":\""
                    + List.of("DE", "FR", "IT").get(random.nextInt(3)) + "\"" + ws(random) + ",\"tier\":\"t"
                    + random.nextInt(3) + "\"}"));
        }
        if (random.nextInt(4) == 0) {
            fields.add(pair(random, "tags", random.nextBoolean() ? "{}" : "{\"a\":\"b\",\"c\":\"d" + random.nextInt(9) + "\"}"));
        }
        Collections.shuffle(fields, random);
        return ws(random) + "{" + String.join(",", fields) + "}" + ws(random);
    }

    private static String pair(Random random, String name, String value) {
        return ws(random) + "\"" + name + "\"" + ws(random) + ":" + ws(random) + value + ws(random);
    }

    private static String features(Random random) {
        int n = random.nextInt(MAX_FEATURES);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String value = switch (random.nextInt(8)) {
                case 0 -> "\"cat" + random.nextInt(20) + "\"";
                case 1 -> random.nextBoolean() ? "true" : "false";
                case 2 -> "null";
                default -> number(random);
            };
            values.add(ws(random) + "\"f" + i + "\"" + ws(random) + ":" + ws(random) + value);
        }
        return "{" + String.join(",", values) + ws(random) + "}";
    }

    private static String probability(Random random) {
        double p = random.nextDouble();
        return switch (random.nextInt(4)) {
            case 0 -> Double.toString(p);
            case 1 -> new BigDecimal(p).setScale(1 + random.nextInt(8), java.math.RoundingMode.HALF_UP).toPlainString();
            case 2 -> String.format("%.3e", p);
            default -> Double.toString(Math.round(p * 1e6) / 1e6);
        };
    }

    /** Every way a number is written: shortest repr, fixed decimals, exponents, long mantissas, integers. */
    static String number(Random random) {
        double magnitude = Math.pow(10, random.nextInt(40) - 20) * random.nextDouble();
        double value = random.nextBoolean() ? -magnitude : magnitude;
        return switch (random.nextInt(10)) {
            case 0 -> Double.toString(value);
            case 1 -> Double.toString(Math.round(value * 1e4) / 1e4);
            case 2 -> String.valueOf(random.nextInt());
            case 3 -> String.valueOf(random.nextLong() >> random.nextInt(64));
            case 4 -> String.format("%." + random.nextInt(17) + "e", value).replace("e+", random.nextBoolean() ? "E" : "e+");
            case 5 -> new BigDecimal(value).toPlainString(); // exact binary value: long mantissas
            case 6 -> "0." + "0".repeat(random.nextInt(30)) + (1 + random.nextInt(999_999));
            case 7 -> (1 + random.nextInt(9)) + "." + random.nextInt(1000) + "e" + (random.nextInt(60) - 30);
            case 8 -> String.valueOf(random.nextInt(1000)) + ".0";
            default -> new BigDecimal(value).round(new java.math.MathContext(1 + random.nextInt(20))).toString();
        };
    }

    private static String ws(Random random) {
        return WHITESPACE[random.nextInt(WHITESPACE.length)];
    }
}
