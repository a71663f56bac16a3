package io.driftwatch.localstack.clickhouse;

import io.driftwatch.localstack.process.Directories;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds {@code libchdb.so}, the embeddable ClickHouse engine, fetching it once into a user cache.
 *
 * <p>Order: the file named by {@value #LIB_ENV} if set (it must exist); else
 * {@code $XDG_CACHE_HOME/driftwatch/chdb/<version>/libchdb.so} (default {@code ~/.cache}); else the engine
 * is fetched with {@link EngineFetcher} into that cache. Concurrent JVMs are serialized by a lock file
 * next to the cache entry and the file appears by atomic rename, so nobody sees a half-written engine.
 */
public final class ChdbEngineLocator {

    /** Environment variable naming an existing libchdb.so; skips the cache and the fetch. */
    public static final String LIB_ENV = "DRIFTWATCH_CHDB_LIB";
    /** ClickHouse version of the engine package; also the cache directory name. */
    public static final String ENGINE_VERSION = "26.7.3";
    /** The npm package carrying the engine, see the embedded-clickhouse recipe. */
    public static final String ENGINE_PACKAGE = "@chdb/lib-linux-x64-gnu@26.7.3-stable.1";
    static final String LIB_FILE_NAME = "libchdb.so";
    static final String XDG_CACHE_ENV = "XDG_CACHE_HOME";
    /** Serializes fetches of threads of one JVM; file locks only exclude other JVMs. */
    private static final Object FETCH_MONITOR = new Object();

    private final Map<String, String> env;
    private final Path userHome;
    private final EngineFetcher fetcher;
    private final Consumer<String> progress;

    /**
     * @param env      environment to read {@value #LIB_ENV} and {@value #XDG_CACHE_ENV} from
     * @param userHome home directory for the default cache location
     * @param fetcher  how to obtain the engine when the cache is empty
     * @param progress receives human-readable progress lines
     */
    public ChdbEngineLocator(Map<String, String> env, Path userHome, EngineFetcher fetcher, Consumer<String> progress) {
        this.env = Map.copyOf(env);
        this.userHome = userHome;
        this.fetcher = fetcher;
        this.progress = progress;
    }

    /** Locator over the real environment, fetching with npm and reporting on stdout. */
    public static ChdbEngineLocator fromEnvironment() {
        return new ChdbEngineLocator(System.getenv(), Path.of(System.getProperty("user.home")),
                new NpmPackFetcher(NpmPackFetcher.DEFAULT_NPM_COMMAND), System.out::println);
    }

    /** Where the engine is cached (whether or not it is there yet). */
    public Path cachedLibrary() {
        String xdg = env.get(XDG_CACHE_ENV);
        Path cacheRoot = xdg == null || xdg.isBlank() ? userHome.resolve(".cache") : Path.of(xdg);
        return cacheRoot.resolve("driftwatch").resolve("chdb").resolve(ENGINE_VERSION).resolve(LIB_FILE_NAME);
    }

    /**
     * The path of a usable libchdb.so, fetching it if needed.
     *
     * @throws IllegalStateException naming what to do if {@value #LIB_ENV} points nowhere or the fetch fails
     */
    public Path locate() {
        String explicit = env.get(LIB_ENV);
        if (explicit != null && !explicit.isBlank()) {
            Path lib = Path.of(explicit);
            if (!Files.isRegularFile(lib)) {
                throw new IllegalStateException(LIB_ENV + "=" + explicit + " is not a file. Point " + LIB_ENV
                        + " at libchdb.so (from npm package " + ENGINE_PACKAGE + "), or unset it to fetch the engine"
                        + " into " + cachedLibrary() + ".");
            }
            return lib;
        }
        Path cached = cachedLibrary();
        if (Files.isRegularFile(cached)) {
            return cached;
        }
        synchronized (FETCH_MONITOR) {
            return fetchUnderLock(cached);
        }
    }

    @SuppressWarnings("try") // the lock is held for the try block's duration, never referenced
    private Path fetchUnderLock(Path cached) {
        Path dir = cached.getParent();
        try {
            Files.createDirectories(dir);
            try (FileChannel lockChannel = FileChannel.open(dir.resolve(".fetch.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockChannel.lock()) {
                if (Files.isRegularFile(cached)) {
                    return cached; // another JVM fetched it while we waited
                }
                Path work = Files.createTempDirectory(dir, "fetch-");
                try {
                    long started = System.nanoTime();
                    Path fetched = fetcher.fetch(work, progress);
                    Files.move(fetched, cached, StandardCopyOption.ATOMIC_MOVE);
                    progress.accept(String.format("ClickHouse engine ready at %s (%.1f s)", cached,
                            (System.nanoTime() - started) / 1e9));
                } finally {
                    Directories.deleteRecursively(work);
                }
                return cached;
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not fetch the ClickHouse engine into " + dir + ": " + e.getMessage()
                    + ". Set " + LIB_ENV + " to an existing libchdb.so to skip the fetch.", e);
        }
    }

    /** Obtains libchdb.so into a scratch directory. */
    @FunctionalInterface
    public interface EngineFetcher {
        /**
         * @param workDir  empty scratch directory on the cache's file system, deleted afterwards
         * @param progress receives human-readable progress lines
         * @return the fetched libchdb.so inside {@code workDir}
         * @throws IllegalStateException with advice if the fetch cannot be done
         */
        Path fetch(Path workDir, Consumer<String> progress) throws IOException;
    }
}
