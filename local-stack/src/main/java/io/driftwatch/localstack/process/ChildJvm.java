package io.driftwatch.localstack.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Describes a child JVM and starts it.
 *
 * <p>The child runs {@link ParentWatchingMain}, which watches stdin and then calls the requested main
 * class, so the child dies with its parent. Output (stdout and stderr) goes to a log file. By default
 * the child uses this JVM's {@code java} binary and classpath ({@code java.class.path}; under
 * surefire/failsafe that is a manifest-only booter jar, which works as {@code -cp} as well).
 *
 * <pre>{@code
 * ChildProcess p = ChildJvm.builder(MyMain.class.getName())
 *         .jvmArgs(List.of("-Xmx256m")).args(List.of("--port", "1234"))
 *         .logFile(Path.of("target/my.log")).build().start();
 * p.awaitReady(ReadinessProbe.portOpen("127.0.0.1", 1234), Duration.ofSeconds(30));
 * p.stop();
 * }</pre>
 */
public final class ChildJvm {

    /**
     * Options for small service JVMs on a busy machine: the serial collector and the C1 compiler only
     * start faster and use less CPU than the defaults, at a lower peak throughput tests do not need.
     */
    public static final List<String> LEAN_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final String mainClass;
    private final List<String> args;
    private final List<String> jvmArgs;
    private final String classpath;
    private final Path logFile;
    private final Path workingDir;
    private final String displayName;

    private ChildJvm(Builder b) {
        this.mainClass = b.mainClass;
        this.args = List.copyOf(b.args);
        this.jvmArgs = List.copyOf(b.jvmArgs);
        this.classpath = absolute(b.classpath == null ? System.getProperty("java.class.path") : withOwnCode(b.classpath));
        this.logFile = Objects.requireNonNull(b.logFile, "logFile");
        this.workingDir = b.workingDir;
        this.displayName = b.displayName == null ? simpleName(mainClass) : b.displayName;
    }

    public static Builder builder(String mainClass) {
        return new Builder(mainClass);
    }

    /** The full command line, {@code java} binary first. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.add(ParentWatchingMain.class.getName());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /** Starts the child; the returned handle owns it and kills it on JVM shutdown at the latest. */
    public ChildProcess start() {
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            ProcessBuilder pb = new ProcessBuilder(command())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    // stdin stays a pipe that we hold open: its EOF tells the child we are gone
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            if (workingDir != null) {
                Files.createDirectories(workingDir);
                pb.directory(workingDir.toFile());
            }
            return new ChildProcess(displayName, pb.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start child JVM " + displayName + ": " + e.getMessage(), e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Children may run in another working directory, so relative entries (java -jar target/x.jar) are resolved. */
    private static String absolute(String classpath) {
        return java.util.Arrays.stream(classpath.split(java.util.regex.Pattern.quote(File.pathSeparator)))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> new File(entry).getAbsolutePath())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    private static String withOwnCode(String classpath) {
        try {
            Path own = Path.of(ParentWatchingMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return own + File.pathSeparator + classpath;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            throw new IllegalStateException("Cannot locate local-stack classes to put on a child classpath", e);
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Builder of {@link ChildJvm}. */
    public static final class Builder {
        private final String mainClass;
        private final List<String> args = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private String classpath;
        private Path logFile;
        private Path workingDir;
        private String displayName;

        private Builder(String mainClass) {
            if (mainClass == null || mainClass.isBlank()) {
                throw new IllegalArgumentException("main class must be given");
            }
            this.mainClass = mainClass;
        }

        /** Program arguments passed to the main class. */
        public Builder args(List<String> programArgs) {
            args.addAll(programArgs);
            return this;
        }

        /** JVM options such as {@code -Xmx512m} or {@code -Dkey=value}. */
        public Builder jvmArgs(List<String> options) {
            jvmArgs.addAll(options);
            return this;
        }

        /** An explicit classpath instead of this JVM's; local-stack's own classes are prepended. */
        public Builder classpath(String explicitClasspath) {
            this.classpath = explicitClasspath;
            return this;
        }

        /** Where stdout and stderr of the child go (appended). Required. */
        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        public Builder workingDir(Path dir) {
            this.workingDir = dir;
            return this;
        }

        /** Name used in messages; defaults to the main class's simple name. */
        public Builder displayName(String name) {
            this.displayName = name;
            return this;
        }

        public ChildJvm build() {
            return new ChildJvm(this);
        }
    }
}
