package io.driftwatch.app.cluster;

import io.driftwatch.flink.job.DriftwatchJobMain;
import io.driftwatch.localstack.flink.JarRun;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Driftwatch job as a cluster runs it: the shaded jar, entry {@link DriftwatchJobMain}, arguments
 * {@code --config FILE} (a path every Flink JVM can read; here they share the machine).
 */
public final class DriftwatchSubmission {

    private DriftwatchSubmission() {}

    /** How to run the shaded jar with the job configuration in {@code configFile} at {@code parallelism}. */
    public static JarRun run(Path configFile, int parallelism) {
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException("job configuration file not found: " + configFile);
        }
        return JarRun.of(DriftwatchJobMain.class.getName(),
                List.of("--config", configFile.toAbsolutePath().toString()), parallelism);
    }

    /**
     * The shaded jar this CLI runs from ({@code java -jar driftwatch.jar}); it holds the job with all its
     * dependencies, so it is also the job jar.
     *
     * @throws IllegalStateException when running from class directories (an IDE or a test), naming the fix
     */
    public static Path runningJar() {
        try {
            Path location = Path.of(DriftwatchSubmission.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location) || !location.toString().endsWith(".jar")) {
                throw new IllegalStateException("Not running from the shaded jar (" + location
                        + "): build it with 'mvn -B -q -DskipTests package -pl app -am' and run ./driftwatch");
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the running jar: " + e.getMessage(), e);
        }
    }
}
