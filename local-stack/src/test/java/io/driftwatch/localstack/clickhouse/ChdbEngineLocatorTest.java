package io.driftwatch.localstack.clickhouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChdbEngineLocatorTest {

    private static final ChdbEngineLocator.EngineFetcher MUST_NOT_FETCH = (dir, progress) -> {
        throw new AssertionError("fetch must not happen");
    };

    @TempDir
    Path temp;

    private final List<String> progress = new CopyOnWriteArrayList<>();

    private ChdbEngineLocator locator(Map<String, String> env, ChdbEngineLocator.EngineFetcher fetcher) {
        return new ChdbEngineLocator(env, temp.resolve("home"), fetcher, progress::add);
    }

    @Test
    void explicitLibraryIsUsedAsIs() throws Exception {
        Path lib = Files.writeString(temp.resolve("my-libchdb.so"), "fake");
        assertThat(locator(Map.of(ChdbEngineLocator.LIB_ENV, lib.toString()), MUST_NOT_FETCH).locate()).isEqualTo(lib);
    }

    @Test
    void explicitLibraryThatDoesNotExistIsAClearError() {
        Path missing = temp.resolve("empty-dir/libchdb.so");
        assertThatThrownBy(() -> locator(Map.of(ChdbEngineLocator.LIB_ENV, missing.toString()), MUST_NOT_FETCH).locate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DRIFTWATCH_CHDB_LIB=" + missing + " is not a file")
                .hasMessageContaining(ChdbEngineLocator.ENGINE_PACKAGE);
    }

    @Test
    void cacheLocationFollowsXdgCacheHomeElseHomeDotCache() {
        Path xdg = temp.resolve("xdg");
        assertThat(locator(Map.of("XDG_CACHE_HOME", xdg.toString()), MUST_NOT_FETCH).cachedLibrary())
                .isEqualTo(xdg.resolve("driftwatch/chdb/26.7.3/libchdb.so"));
        assertThat(locator(Map.of(), MUST_NOT_FETCH).cachedLibrary())
                .isEqualTo(temp.resolve("home/.cache/driftwatch/chdb/26.7.3/libchdb.so"));
    }

    @Test
    void cachedLibraryIsUsedWithoutFetching() throws Exception {
        ChdbEngineLocator locator = locator(Map.of("XDG_CACHE_HOME", temp.toString()), MUST_NOT_FETCH);
        Files.createDirectories(locator.cachedLibrary().getParent());
        Files.writeString(locator.cachedLibrary(), "cached");
        assertThat(locator.locate()).isEqualTo(locator.cachedLibrary());
    }

    @Test
    void emptyCacheIsFilledOnceEvenWhenThreadsRace() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        CountDownLatch bothWaiting = new CountDownLatch(2);
        ChdbEngineLocator.EngineFetcher fake = (dir, out) -> {
            fetches.incrementAndGet();
            out.accept("fake fetch");
            return Files.writeString(dir.resolve("libchdb.so"), "engine");
        };
        ChdbEngineLocator locator = locator(Map.of("XDG_CACHE_HOME", temp.toString()), fake);
        List<CompletableFuture<Path>> results = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            results.add(CompletableFuture.supplyAsync(() -> {
                bothWaiting.countDown();
                awaitQuietly(bothWaiting);
                return locator.locate();
            }));
        }
        for (CompletableFuture<Path> r : results) {
            assertThat(r.get(30, TimeUnit.SECONDS)).isEqualTo(locator.cachedLibrary());
        }
        assertThat(fetches).hasValue(1);
        assertThat(Files.readString(locator.cachedLibrary())).isEqualTo("engine");
        assertThat(progress).contains("fake fetch").anyMatch(l -> l.startsWith("ClickHouse engine ready at"));
        try (var leftovers = Files.list(locator.cachedLibrary().getParent())) {
            assertThat(leftovers.map(p -> p.getFileName().toString()))
                    .as("no scratch directories left").allMatch(n -> n.equals("libchdb.so") || n.equals(".fetch.lock"));
        }
    }

    @Test
    void missingNpmSaysWhatToDoAndLeavesCacheEmpty() {
        ChdbEngineLocator locator = locator(Map.of("XDG_CACHE_HOME", temp.toString()),
                new NpmPackFetcher(temp.resolve("no-such-npm").toString()));
        assertThatThrownBy(locator::locate)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Cannot run " + temp.resolve("no-such-npm"))
                .hasMessageContaining("Install Node.js with npm")
                .hasMessageContaining("set DRIFTWATCH_CHDB_LIB");
        assertThat(locator.cachedLibrary()).doesNotExist();
        assertThat(progress).anyMatch(l -> l.startsWith("Fetching ClickHouse engine (178 MB, once) with npm pack "));
    }

    @Test
    void failingNpmQuotesItsOutput() throws Exception {
        Path fakeNpm = temp.resolve("fake-npm");
        Files.writeString(fakeNpm, "#!/bin/sh\necho 'npm error 404 Not Found'\nexit 1\n");
        assertThat(fakeNpm.toFile().setExecutable(true)).isTrue();
        ChdbEngineLocator locator = locator(Map.of("XDG_CACHE_HOME", temp.toString()), new NpmPackFetcher(fakeNpm.toString()));
        assertThatThrownBy(locator::locate)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed with status 1")
                .hasMessageContaining("npm error 404 Not Found")
                .hasMessageContaining("DRIFTWATCH_CHDB_LIB");
        assertThat(locator.cachedLibrary()).doesNotExist();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
