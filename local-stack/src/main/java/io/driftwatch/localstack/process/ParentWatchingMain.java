package io.driftwatch.localstack.process;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM started by {@link ChildJvm}: starts a {@link ParentWatchdog} and then
 * runs the real main class (first argument) with the remaining arguments.
 *
 * <p>This way even a main class we do not own (a Flink entrypoint, say) ends when its parent dies.
 */
public final class ParentWatchingMain {

    private ParentWatchingMain() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: ParentWatchingMain <main class> [args...]");
        }
        ParentWatchdog.haltWhenStdinCloses();
        Class<?> mainClass = Class.forName(args[0]);
        Method main = mainClass.getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
