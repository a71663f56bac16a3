package io.driftwatch.localstack.flink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The {@code --add-exports/--add-opens} options every Flink JVM needs on Java 17.
 *
 * <p>One source: the parent pom's {@code jdk.opens} property (also used for surefire/failsafe), copied
 * into {@code jvm.properties} by Maven resource filtering.
 */
public final class FlinkJvmOptions {

    static final String RESOURCE = "jvm.properties";
    static final String OPENS_KEY = "jdk.opens";

    private FlinkJvmOptions() {
    }

    /** The options, one list element each. */
    public static List<String> jdkOpens() {
        Properties props = new Properties();
        try (InputStream in = FlinkJvmOptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing next to " + FlinkJvmOptions.class.getName());
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
        String opens = props.getProperty(OPENS_KEY, "");
        if (opens.isBlank() || opens.contains("${")) {
            throw new IllegalStateException(RESOURCE + " was not filtered by Maven: " + OPENS_KEY + "=" + opens);
        }
        return Arrays.stream(opens.trim().split("\\s+")).toList();
    }

    /** The options joined by spaces, as Flink's {@code env.java.opts.all} takes them. */
    public static String jdkOpensLine() {
        return String.join(" ", jdkOpens());
    }
}
